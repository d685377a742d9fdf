package io.cognate.token.crypto;

/** Ciphertext that fails authentication: tampered, truncated, or sealed under another key or AAD. */
public class CiphertextRejectedException extends RuntimeException {

    public CiphertextRejectedException(Throwable cause) {
        super("ciphertext rejected", cause);
    }
}
