package io.cognate.userpool.credentials;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The most common leaked passwords: the frequency list zxcvbn4j ships (com.nulab-inc:zxcvbn, about 30,000 passwords
 * from real breaches, ranked), compared case-insensitively as zxcvbn does. Loaded on first use, so pools that do not
 * ask for the check cost no memory.
 */
public final class CompromisedPasswords {
    static final String LIST = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private CompromisedPasswords() {
    }

    public static boolean contains(String password) {
        return Holder.PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    /** Loads the list once, on the first call (the JVM's lazy holder idiom). */
    private static final class Holder {
        static final Set<String> PASSWORDS = load();

        private static Set<String> load() {
            try (InputStream in = CompromisedPasswords.class.getResourceAsStream(LIST)) {
                if (in == null) {
                    throw new IllegalStateException("zxcvbn's password list " + LIST + " is not on the class path");
                }
                Set<String> passwords = new HashSet<>(40_000);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        passwords.add(line.strip().toLowerCase(Locale.ROOT));
                    }
                }
                return Set.copyOf(passwords);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
