package io.cognate.userpool.model;

import static io.cognate.userpool.error.CognitoError.INVALID_PASSWORD;

import java.security.SecureRandom;

/**
 * A pool's password policy, checked with Cognito's messages. {@code passwordHistorySize} (0 to 24, null when not
 * given) is how many previous passwords a user may not set again.
 */
public record PasswordPolicy(int minimumLength, boolean requireUppercase, boolean requireLowercase,
        boolean requireNumbers, boolean requireSymbols, int temporaryPasswordValidityDays, Integer passwordHistorySize) {

    /** Cognito's policy when CreateUserPool gives none. */
    public static final PasswordPolicy DEFAULT = new PasswordPolicy(8, true, true, true, true, 7, null);
    /** Cognito's symbol set: ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + - and space. */
    private static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";
    public static final int MAX_LENGTH = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How many earlier passwords a new one is compared with; 0 when history is not kept. */
    public int historySize() {
        return passwordHistorySize == null ? 0 : passwordHistorySize;
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
        StringBuilder password = new StringBuilder();
        password.append(lower.charAt(RANDOM.nextInt(lower.length())));
        password.append(upper.charAt(RANDOM.nextInt(upper.length())));
        password.append(digits.charAt(RANDOM.nextInt(digits.length())));
        password.append(symbols.charAt(RANDOM.nextInt(symbols.length())));
        while (password.length() < Math.max(12, minimumLength)) {
            password.append(all.charAt(RANDOM.nextInt(all.length())));
        }
        return password.toString();
    }
}
