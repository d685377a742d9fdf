package io.cognate.userpool.service;

import static io.cognate.userpool.api.CognitoError.INVALID_PASSWORD;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Json;

/** A pool's password policy, checked with Cognito's messages. */
public record PasswordPolicy(int minimumLength, boolean requireUppercase, boolean requireLowercase,
        boolean requireNumbers, boolean requireSymbols, int temporaryPasswordValidityDays) {

    /** Cognito's symbol set: ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + - and space. */
    private static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";
    public static final int MAX_LENGTH = 256;

    public static PasswordPolicy fromJson(JsonNode node) {
        return new PasswordPolicy(node.path("MinimumLength").asInt(8), node.path("RequireUppercase").asBoolean(true),
                node.path("RequireLowercase").asBoolean(true), node.path("RequireNumbers").asBoolean(true),
                node.path("RequireSymbols").asBoolean(true), node.path("TemporaryPasswordValidityDays").asInt(7));
    }

    public ObjectNode toJson() {
        return Json.object().put("MinimumLength", minimumLength).put("RequireUppercase", requireUppercase)
                .put("RequireLowercase", requireLowercase).put("RequireNumbers", requireNumbers)
                .put("RequireSymbols", requireSymbols).put("TemporaryPasswordValidityDays", temporaryPasswordValidityDays);
    }

    /** Throws InvalidPasswordException naming the first rule the password breaks. */
    public void check(String password) {
        if (password.length() < minimumLength) {
            throw INVALID_PASSWORD.withMessage("Password did not conform with policy: Password not long enough");
        }
        if (password.length() > MAX_LENGTH) {
            throw INVALID_PASSWORD.withMessage("Password did not conform with policy: Password is too long");
        }
        if (requireLowercase && password.chars().noneMatch(Character::isLowerCase)) {
            throw INVALID_PASSWORD.withMessage("Password did not conform with policy: Password must have lowercase characters");
        }
        if (requireUppercase && password.chars().noneMatch(Character::isUpperCase)) {
            throw INVALID_PASSWORD.withMessage("Password did not conform with policy: Password must have uppercase characters");
        }
        if (requireNumbers && password.chars().noneMatch(Character::isDigit)) {
            throw INVALID_PASSWORD.withMessage("Password did not conform with policy: Password must have numeric characters");
        }
        if (requireSymbols && password.chars().noneMatch(c -> SYMBOLS.indexOf(c) >= 0)) {
            throw INVALID_PASSWORD.withMessage("Password did not conform with policy: Password must have symbol characters");
        }
    }

    /** A temporary password that satisfies this policy (for AdminCreateUser without one). */
    public String generate() {
        String lower = "abcdefghijkmnopqrstuvwxyz";
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        String digits = "23456789";
        String symbols = "!@#%&*?";
        String all = lower + upper + digits + symbols;
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder password = new StringBuilder();
        password.append(lower.charAt(random.nextInt(lower.length())));
        password.append(upper.charAt(random.nextInt(upper.length())));
        password.append(digits.charAt(random.nextInt(digits.length())));
        password.append(symbols.charAt(random.nextInt(symbols.length())));
        while (password.length() < Math.max(12, minimumLength)) {
            password.append(all.charAt(random.nextInt(all.length())));
        }
        return password.toString();
    }
}
