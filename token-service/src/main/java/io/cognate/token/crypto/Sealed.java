package io.cognate.token.crypto;

/** An AES-GCM result: the 96-bit nonce and the ciphertext with its 128-bit tag appended. */
public record Sealed(byte[] nonce, byte[] ciphertext) {
}
