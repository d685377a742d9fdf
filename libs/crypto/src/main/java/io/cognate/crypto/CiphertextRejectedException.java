package io.cognate.crypto;

/** A sealed value that does not open: tampered, truncated, moved, or sealed under a key the ring does not hold. */
public class CiphertextRejectedException extends RuntimeException {

    public CiphertextRejectedException() {
        super("ciphertext rejected", null, false, false);
    }
}
