package io.cognate.saml;

/**
 * A SAML message that is refused: malformed, unsigned or signed by a key not trusted, meant for another party or
 * another time, or a metadata document that names no way to sign in. The message says which, for the service's logs
 * and for the application the browser is sent back to; it never carries the message's content.
 */
public class SamlException extends RuntimeException {
    public SamlException(String message) {
        super(message, null, false, false);
    }

    /** The identity provider answered, but not with success: its status code and message are relayed. */
    public static final class IdpRefusal extends SamlException {
        public IdpRefusal(String message) {
            super(message);
        }
    }
}
