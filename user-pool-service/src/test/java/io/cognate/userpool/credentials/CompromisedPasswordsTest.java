package io.cognate.userpool.credentials;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompromisedPasswordsTest {

    @Test
    void containsWhenCommonLeakedPasswordInAnyCaseThenTrue() {
        assertTrue(CompromisedPasswords.contains("password"));
        assertTrue(CompromisedPasswords.contains("Password1"));
        assertTrue(CompromisedPasswords.contains("QWERTY"));
    }

    @Test
    void containsWhenUncommonPasswordThenFalse() {
        assertFalse(CompromisedPasswords.contains("Correct-Horse-42"));
        assertFalse(CompromisedPasswords.contains("vq8#Lz!r0pWm"));
    }
}
