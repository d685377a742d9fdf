package io.cognate.it.support;

import java.security.SecureRandom;

/**
 * Unique names, so that every test makes its own pools and users and no test depends on another or on order. Letters
 * only: a run of six digits in a name must never be mistaken for a confirmation code in a mail.
 */
public final class Names {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private Names() {
    }

    public static String unique(String prefix) {
        StringBuilder name = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 12; i++) {
            name.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        return name.toString();
    }

    /**
     * A unique domain prefix: letters only, and none of Cognito's reserved words (aws, amazon, cognito), which twelve
     * random letters hold often enough to fail a run now and then.
     */
    public static String domainPrefix() {
        String prefix;
        do {
            prefix = unique("it").replace("-", "");
        } while (prefix.contains("aws") || prefix.contains("amazon") || prefix.contains("cognito"));
        return prefix;
    }

    /** A unique address that GreenMail accepts (it takes mail for any recipient). */
    public static String email(String prefix) {
        return unique(prefix) + "@example.test";
    }
}
