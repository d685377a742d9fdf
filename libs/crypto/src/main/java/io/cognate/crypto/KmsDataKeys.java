package io.cognate.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The KMS-compatible half of the custom senders' encryption: a data key encrypted "under" a KMS key ARN is sealed
 * with the deployment's key ring ({@link Purpose#KMS_DATA_KEY}, bound to the ARN and the encryption context), and
 * {@link #decrypt} gives it back as KMS Decrypt would, to whoever holds the deployment's credentials. The ciphertext
 * blob names its key, as KMS's do:
 *
 * <pre>
 * ARN length (uint16) | ARN (UTF-8) | Aead envelope of the data key
 * </pre>
 */
public final class KmsDataKeys {
    private final Aead aead;

    public KmsDataKeys(Aead aead) {
        this.aead = aead;
    }

    /** The key that decrypted a blob and the data key it held. */
    public record DataKey(String keyArn, byte[] plaintext) {
    }

    /** The blob of {@code dataKey} for the KMS key {@code keyArn}, with no encryption context. */
    public byte[] encrypt(String keyArn, byte[] dataKey) {
        byte[] arn = keyArn.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = aead.seal(Purpose.KMS_DATA_KEY, context(keyArn, Map.of()), dataKey);
        return ByteBuffer.allocate(2 + arn.length + sealed.length).putShort((short) arn.length).put(arn).put(sealed)
                .array();
    }

    /**
     * Opens a blob of {@link #encrypt} with the encryption context it was made with.
     *
     * @throws CiphertextRejectedException when it is no such blob, or the context differs
     */
    public DataKey decrypt(byte[] blob, Map<String, String> encryptionContext) {
        if (blob == null || blob.length < 2) {
            throw new CiphertextRejectedException();
        }
        int arnLength = ((blob[0] & 0xff) << 8) | (blob[1] & 0xff);
        if (blob.length < 2 + arnLength) {
            throw new CiphertextRejectedException();
        }
        String keyArn = new String(blob, 2, arnLength, StandardCharsets.UTF_8);
        byte[] sealed = Arrays.copyOfRange(blob, 2 + arnLength, blob.length);
        return new DataKey(keyArn, aead.open(Purpose.KMS_DATA_KEY, context(keyArn, encryptionContext), sealed));
    }

    /** The ARN, then the context's pairs in key order, NUL-separated. */
    private static String context(String keyArn, Map<String, String> encryptionContext) {
        StringBuilder context = new StringBuilder(keyArn);
        new TreeMap<>(encryptionContext).forEach((key, value) -> context.append('\0').append(key).append('\0')
                .append(value));
        return context.toString();
    }
}
