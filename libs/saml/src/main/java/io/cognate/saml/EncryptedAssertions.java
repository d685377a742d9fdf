package io.cognate.saml;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An EncryptedAssertion opened with the pool's encryption key (XML Encryption 1.1): the content key by RSA-OAEP (the
 * PKCS#1 v1.5 key transport, open to Bleichenbacher's attack, is refused), the assertion by AES-GCM or AES-CBC. Every
 * failure reads the same, so that the answer is no padding oracle.
 */
final class EncryptedAssertions {
    private static final String XMLENC11 = "http://www.w3.org/2009/xmlenc11#";
    private static final Map<String, Integer> CBC = Map.of(SamlXml.XMLENC + "aes128-cbc", 16,
            SamlXml.XMLENC + "aes192-cbc", 24, SamlXml.XMLENC + "aes256-cbc", 32);
    private static final Map<String, Integer> GCM = Map.of(XMLENC11 + "aes128-gcm", 16, XMLENC11 + "aes192-gcm",
            24, XMLENC11 + "aes256-gcm", 32);
    private static final Map<String, String> DIGESTS = Map.of("http://www.w3.org/2000/09/xmldsig#sha1", "SHA-1",
            "http://www.w3.org/2001/04/xmlenc#sha256", "SHA-256", "http://www.w3.org/2001/04/xmlenc#sha512",
            "SHA-512");
    private static final Map<String, String> MGFS = Map.of(XMLENC11 + "mgf1sha1", "SHA-1", XMLENC11 + "mgf1sha256",
            "SHA-256", XMLENC11 + "mgf1sha512", "SHA-512");

    private EncryptedAssertions() {
    }

    /** The Assertion inside, in a document of its own. */
    static Element decrypt(Element encryptedAssertion, PrivateKey key) {
        Element data = SamlXml.child(encryptedAssertion, SamlXml.XMLENC, "EncryptedData");
        var keys = encryptedAssertion.getElementsByTagNameNS(SamlXml.XMLENC, "EncryptedKey");
        if (data == null || keys.getLength() != 1) {
            throw new SamlException("The EncryptedAssertion must hold one EncryptedData and one EncryptedKey.");
        }
        try {
            byte[] contentKey = unwrap((Element) keys.item(0), key);
            byte[] xml = open(data, contentKey);
            Document document = SamlXml.parse(("<w xmlns:saml=\"" + SamlXml.ASSERTION + "\">"
                    + new String(xml, StandardCharsets.UTF_8) + "</w>").getBytes(StandardCharsets.UTF_8));
            var assertions = SamlXml.children(document.getDocumentElement(), SamlXml.ASSERTION, "Assertion");
            if (assertions.size() != 1 || document.getDocumentElement().getChildNodes().getLength() != 1) {
                throw new SamlException("The EncryptedAssertion does not hold one Assertion.");
            }
            return assertions.get(0);
        } catch (GeneralSecurityException | IllegalArgumentException | SamlException e) {
            throw new SamlException("The EncryptedAssertion cannot be decrypted with the pool's encryption key.");
        }
    }

    private static byte[] unwrap(Element encryptedKey, PrivateKey key) throws GeneralSecurityException {
        Element method = SamlXml.child(encryptedKey, SamlXml.XMLENC, "EncryptionMethod");
        String algorithm = method == null ? "" : SamlXml.attribute(method, "Algorithm");
        String digest = "SHA-1";
        String mgf = "SHA-1";
        if ((XMLENC11 + "rsa-oaep").equals(algorithm)) {
            Element mgfElement = SamlXml.child(method, XMLENC11, "MGF");
            mgf = mgfElement == null ? "SHA-1" : MGFS.get(SamlXml.attribute(mgfElement, "Algorithm"));
        } else if (!(SamlXml.XMLENC + "rsa-oaep-mgf1p").equals(algorithm)) {
            throw new GeneralSecurityException("key transport");
        }
        Element digestMethod = SamlXml.child(method, SamlXml.DSIG, "DigestMethod");
        if (digestMethod != null) {
            digest = DIGESTS.get(SamlXml.attribute(digestMethod, "Algorithm"));
        }
        if (digest == null || mgf == null) {
            throw new GeneralSecurityException("digest");
        }
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec(digest, "MGF1", new MGF1ParameterSpec(mgf),
                PSource.PSpecified.DEFAULT));
        return rsa.doFinal(cipherValue(encryptedKey));
    }

    private static byte[] open(Element data, byte[] contentKey) throws GeneralSecurityException {
        Element method = SamlXml.child(data, SamlXml.XMLENC, "EncryptionMethod");
        String algorithm = method == null ? "" : SamlXml.attribute(method, "Algorithm");
        byte[] sealed = cipherValue(data);
        if (GCM.containsKey(algorithm) && GCM.get(algorithm) == contentKey.length && sealed.length > 28) {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, sealed, 0,
                    12));
            return aes.doFinal(sealed, 12, sealed.length - 12);
        }
        if (CBC.containsKey(algorithm) && CBC.get(algorithm) == contentKey.length && sealed.length >= 32
                && sealed.length % 16 == 0) {
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new IvParameterSpec(sealed, 0, 16));
            byte[] plain = aes.doFinal(sealed, 16, sealed.length - 16);
            int padding = plain[plain.length - 1] & 0xff;
            if (padding < 1 || padding > 16) {
                throw new GeneralSecurityException("padding");
            }
            return Arrays.copyOf(plain, plain.length - padding);
        }
        throw new GeneralSecurityException("data encryption");
    }

    private static byte[] cipherValue(Element encrypted) {
        Element cipherData = SamlXml.child(encrypted, SamlXml.XMLENC, "CipherData");
        Element value = cipherData == null ? null : SamlXml.child(cipherData, SamlXml.XMLENC, "CipherValue");
        if (value == null) {
            throw new IllegalArgumentException("no CipherValue");
        }
        return Base64.getMimeDecoder().decode(SamlXml.text(value));
    }
}
