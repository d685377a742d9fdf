package io.cognate.saml;

import static io.cognate.saml.SamlXml.escape;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * A pool's metadata as a SAML service provider, for an identity provider's administrator to import: its entity id,
 * the certificate its AuthnRequests are signed with, the one the provider encrypts assertions to, where answers are
 * posted (the ACS) and where sign-out answers go.
 */
public final class SpMetadata {
    private SpMetadata() {
    }

    public static String xml(String entityId, String acsUrl, String logoutUrl, X509Certificate signing,
            X509Certificate encryption) {
        return "<md:EntityDescriptor xmlns:md=\"" + SamlXml.METADATA + "\" xmlns:ds=\"" + SamlXml.DSIG
                + "\" entityID=\"" + escape(entityId) + "\"><md:SPSSODescriptor AuthnRequestsSigned=\"false\" "
                + "WantAssertionsSigned=\"true\" protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + key("signing", signing) + key("encryption", encryption)
                + "<md:SingleLogoutService Binding=\"" + SamlXml.POST_BINDING + "\" Location=\"" + escape(logoutUrl)
                + "\"/><md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat>"
                + "<md:AssertionConsumerService Binding=\"" + SamlXml.POST_BINDING + "\" Location=\""
                + escape(acsUrl) + "\" index=\"0\" isDefault=\"true\"/></md:SPSSODescriptor></md:EntityDescriptor>";
    }

    private static String key(String use, X509Certificate certificate) {
        return "<md:KeyDescriptor use=\"" + use + "\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
                + base64(certificate) + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>";
    }

    public static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
