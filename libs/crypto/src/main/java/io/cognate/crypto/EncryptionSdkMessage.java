package io.cognate.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes an AWS Encryption SDK message, as Cognito encrypts the codes it hands to the custom sender triggers: message
 * format version 2, algorithm suite 0x0478 (AES-256-GCM, HKDF-SHA512, key commitment, no signature), framed, with no
 * encryption context and one data key encrypted for a KMS key ({@code aws-kms} and the key ARN). Any ESDK decrypts it
 * (its KMS keyring calls Decrypt on the data key, which {@link KmsDataKeys} answers), under either commitment policy.
 *
 * <pre>
 * header: 0x02 | suite 0x0478 | message id (32) | AAD length 0 | 1 data key (provider id, provider info, ciphertext,
 *         each after its uint16 length) | content type 0x02 (framed) | frame length (uint32) | commitment key (32)
 *         | tag of AES-GCM over the header (zero IV, no plaintext)
 * body:   frames; the last one is 0xFFFFFFFF | sequence number | IV | content length (uint32) | ciphertext | tag
 * keys:   HKDF-SHA512(salt message id, data key): info 0x0478 "DERIVEKEY" encrypts, info "COMMITKEY" commits
 * frame AAD: message id | "AWSKMSEncryptionClient [Final ]Frame" | sequence number (uint32) | length (uint64)
 * </pre>
 *
 * The specification is awslabs/aws-encryption-sdk-specification ({@code data-format/}); the framing and AAD follow
 * the JavaScript implementation, which the integration tests decrypt with.
 */
public final class EncryptionSdkMessage {
    private static final byte VERSION = 0x02;
    private static final byte[] SUITE = { 0x04, 0x78 };
    private static final int MESSAGE_ID_BYTES = 32;
    private static final int KEY_BYTES = 32;
    private static final int FRAME_LENGTH = 4096;
    private static final byte FRAMED = 0x02;
    private static final byte[] PROVIDER_ID = "aws-kms".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FRAME = "AWSKMSEncryptionClient Frame".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FINAL_FRAME = "AWSKMSEncryptionClient Final Frame".getBytes(StandardCharsets.UTF_8);

    private EncryptionSdkMessage() {
    }

    /** {@code plaintext} under a fresh data key that {@code dataKeys} encrypts for the KMS key {@code keyArn}. */
    public static byte[] encrypt(byte[] plaintext, String keyArn, KmsDataKeys dataKeys) {
        byte[] dataKey = KeyRing.randomBytes(KEY_BYTES);
        byte[] messageId = KeyRing.randomBytes(MESSAGE_ID_BYTES);
        byte[] commitment = Hkdf.sha512(dataKey, messageId, "COMMITKEY".getBytes(StandardCharsets.US_ASCII),
                KEY_BYTES);
        SecretKey key = new SecretKeySpec(Hkdf.sha512(dataKey, messageId,
                concat(SUITE, "DERIVEKEY".getBytes(StandardCharsets.US_ASCII)), KEY_BYTES), "AES");

        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(VERSION);
        header.writeBytes(SUITE);
        header.writeBytes(messageId);
        header.writeBytes(uint16(0));
        header.writeBytes(uint16(1));
        writeField(header, PROVIDER_ID);
        writeField(header, keyArn.getBytes(StandardCharsets.UTF_8));
        writeField(header, dataKeys.encrypt(keyArn, dataKey));
        header.write(FRAMED);
        header.writeBytes(uint32(FRAME_LENGTH));
        header.writeBytes(commitment);
        byte[] headerBody = header.toByteArray();

        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(headerBody);
        message.writeBytes(AesGcm.seal(key, new byte[AesGcm.NONCE_BYTES], headerBody, new byte[0]));
        int sequence = 1;
        int offset = 0;
        for (; plaintext.length - offset > FRAME_LENGTH; sequence++, offset += FRAME_LENGTH) {
            byte[] iv = iv(sequence);
            message.writeBytes(uint32(sequence));
            message.writeBytes(iv);
            message.writeBytes(AesGcm.seal(key, iv, frameAad(messageId, FRAME, sequence, FRAME_LENGTH),
                    Arrays.copyOfRange(plaintext, offset, offset + FRAME_LENGTH)));
        }
        byte[] last = Arrays.copyOfRange(plaintext, offset, plaintext.length);
        byte[] iv = iv(sequence);
        message.writeBytes(uint32(0xFFFFFFFF));
        message.writeBytes(uint32(sequence));
        message.writeBytes(iv);
        message.writeBytes(uint32(last.length));
        message.writeBytes(AesGcm.seal(key, iv, frameAad(messageId, FINAL_FRAME, sequence, last.length), last));
        return message.toByteArray();
    }

    /** A frame's IV: eight zero bytes, then its sequence number (unique within the message). */
    private static byte[] iv(int sequence) {
        return ByteBuffer.allocate(AesGcm.NONCE_BYTES).putInt(8, sequence).array();
    }

    private static byte[] frameAad(byte[] messageId, byte[] kind, int sequence, long length) {
        return ByteBuffer.allocate(messageId.length + kind.length + 4 + 8).put(messageId).put(kind).putInt(sequence)
                .putLong(length).array();
    }

    private static void writeField(ByteArrayOutputStream out, byte[] field) {
        out.writeBytes(uint16(field.length));
        out.writeBytes(field);
    }

    private static byte[] uint16(int value) {
        return new byte[] { (byte) (value >>> 8), (byte) value };
    }

    private static byte[] uint32(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
