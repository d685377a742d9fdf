package io.cognate.saml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a pool needs from an identity provider's SAML metadata: its entity id, the certificates its signatures may be
 * checked with (any KeyDescriptor for signing, or for no stated use), and where to send the browser by the
 * HTTP-Redirect binding to sign in and, when it offers it, to sign out.
 */
public record IdpMetadata(String entityId, List<X509Certificate> signingCertificates, String ssoRedirectUrl,
        String sloRedirectUrl) {

    private static final int MAX_CERTIFICATE = 4096;

    /** The metadata of an EntityDescriptor with an IDPSSODescriptor (alone, or the first in an EntitiesDescriptor). */
    public static IdpMetadata parse(String xml) {
        Document document = SamlXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        Element idp = SamlXml.everywhere(document, SamlXml.METADATA, "IDPSSODescriptor").stream().findFirst()
                .orElseThrow(() -> new SamlException("The metadata has no IDPSSODescriptor."));
        Element entity = (Element) idp.getParentNode();
        String entityId = SamlXml.attribute(entity, "entityID");
        if (entityId.isEmpty()) {
            throw new SamlException("The metadata's EntityDescriptor has no entityID.");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Element key : SamlXml.children(idp, SamlXml.METADATA, "KeyDescriptor")) {
            String use = SamlXml.attribute(key, "use");
            if (!use.isEmpty() && !"signing".equals(use)) {
                continue;
            }
            for (Element certificate : certificates(key)) {
                certificates.add(certificate(SamlXml.text(certificate)));
            }
        }
        if (certificates.isEmpty()) {
            throw new SamlException("The metadata's IDPSSODescriptor has no signing certificate.");
        }
        String sso = location(idp, "SingleSignOnService");
        if (sso.isEmpty()) {
            throw new SamlException("The metadata's IDPSSODescriptor has no SingleSignOnService with the "
                    + "HTTP-Redirect binding.");
        }
        return new IdpMetadata(entityId, List.copyOf(certificates), sso, location(idp, "SingleLogoutService"));
    }

    /** Refused when a signing certificate is expired or not yet valid at {@code now}. */
    public void checkValidAt(Instant now) {
        for (X509Certificate certificate : signingCertificates) {
            try {
                certificate.checkValidity(java.util.Date.from(now));
            } catch (CertificateException e) {
                throw new SamlException("A signing certificate in the metadata is expired or not yet valid.");
            }
        }
    }

    private static List<Element> certificates(Element key) {
        var nodes = key.getElementsByTagNameNS(SamlXml.DSIG, "X509Certificate");
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    static X509Certificate certificate(String base64) {
        String compact = base64.replaceAll("\\s", "");
        if (compact.length() > MAX_CERTIFICATE * 2) {
            throw new SamlException("A certificate in the metadata is too long.");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(compact)));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new SamlException("A certificate in the metadata is not an X.509 certificate.");
        }
    }

    private static String location(Element idp, String service) {
        for (Element endpoint : SamlXml.children(idp, SamlXml.METADATA, service)) {
            if (SamlXml.REDIRECT_BINDING.equals(SamlXml.attribute(endpoint, "Binding"))) {
                return SamlXml.attribute(endpoint, "Location");
            }
        }
        return "";
    }
}
