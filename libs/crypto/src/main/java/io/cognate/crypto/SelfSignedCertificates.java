package io.cognate.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A self-signed X.509 v3 certificate for an RSA key pair (SHA256withRSA), in DER written here: what a SAML
 * service provider publishes so that identity providers can check its signatures and encrypt to it. The JDK reads
 * certificates but has no public API to make one, and one certificate does not justify a cryptography provider.
 */
public final class SelfSignedCertificates {
    private static final byte[] SHA256_WITH_RSA = { 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
            0x0d, 0x01, 0x01, 0x0b };
    private static final byte[] COMMON_NAME = { 0x06, 0x03, 0x55, 0x04, 0x03 };
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfSignedCertificates() {
    }

    /** A certificate for {@code keys}, subject and issuer {@code CN=commonName}, valid from {@code from} to {@code to}. */
    public static X509Certificate issue(KeyPair keys, String commonName, Instant from, Instant to) {
        byte[] algorithm = der(0x30, SHA256_WITH_RSA, new byte[] { 0x05, 0x00 });
        byte[] name = der(0x30, der(0x31, der(0x30, COMMON_NAME, der(0x0c, commonName.getBytes(
                StandardCharsets.UTF_8)))));
        byte[] serial = new BigInteger(127, RANDOM).add(BigInteger.ONE).toByteArray();
        byte[] tbs = der(0x30, der(0xa0, der(0x02, new byte[] { 2 })), der(0x02, serial), algorithm, name,
                der(0x30, time(from), time(to)), name, keys.getPublic().getEncoded());
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(tbs);
            byte[] signature = signer.sign();
            byte[] bits = new byte[signature.length + 1];
            System.arraycopy(signature, 0, bits, 1, signature.length);
            byte[] certificate = der(0x30, tbs, algorithm, der(0x03, bits));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] time(Instant instant) {
        boolean utc = instant.atZone(ZoneOffset.UTC).getYear() < 2050;
        return der(utc ? 0x17 : 0x18, (utc ? UTC_TIME : GENERALIZED_TIME).format(instant)
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** A DER element: tag, definite length, and the parts concatenated. */
    private static byte[] der(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.size();
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] bytes = BigInteger.valueOf(length).toByteArray();
            int skip = bytes[0] == 0 ? 1 : 0;
            out.write(0x80 | (bytes.length - skip));
            out.write(bytes, skip, bytes.length - skip);
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }
}
