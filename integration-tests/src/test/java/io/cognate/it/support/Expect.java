package io.cognate.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/**
 * Cognito's errors as the SDK surfaces them: the modeled exception class (chosen from {@code __type}), HTTP 400 (every
 * client error in Cognito's API reference is a 400), a message, and a request id.
 */
public final class Expect {

    private Expect() {
    }

    public static <T extends CognitoIdentityProviderException> T error(Class<T> type, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(400, e.statusCode(), () -> type.getSimpleName() + " must be HTTP 400");
        assertNotNull(e.awsErrorDetails().errorMessage(), "an error carries a message");
        assertNotNull(e.requestId(), "every response carries x-amzn-RequestId");
        assertFalse(e.requestId().isBlank(), "every response carries x-amzn-RequestId");
        return e;
    }

    /** As {@link #error(Class, Executable)}, and the message is exactly {@code message}. */
    public static <T extends CognitoIdentityProviderException> T error(Class<T> type, String message,
            Executable call) {
        T e = error(type, call);
        assertEquals(message, e.awsErrorDetails().errorMessage());
        return e;
    }

    /** As {@link #error(Class, Executable)}, and the message contains {@code fragment}, ignoring case. */
    public static <T extends CognitoIdentityProviderException> T errorMentioning(Class<T> type, String fragment,
            Executable call) {
        T e = error(type, call);
        String message = e.awsErrorDetails().errorMessage();
        assertTrue(message.toLowerCase().contains(fragment.toLowerCase()),
                () -> "expected the message to mention '" + fragment + "': " + message);
        return e;
    }
}
