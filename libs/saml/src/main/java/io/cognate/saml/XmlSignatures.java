package io.cognate.saml;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import javax.xml.crypto.KeySelector;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;

import org.w3c.dom.Element;

/**
 * An enveloped XML signature checked as SAML requires (SAML Core §5): one reference, to the ID of the element the
 * signature sits in and to nothing else (only that element's ID is known to the check, so a reference cannot resolve to
 * a look-alike elsewhere: signature wrapping), transforms no more than enveloped-signature and exclusive
 * canonicalization, the JDK's secure validation (no weak algorithms, bounded references), and a key from the
 * provider's metadata (a KeyInfo in the message is ignored).
 */
final class XmlSignatures {
    private static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM");
    private static final Set<String> TRANSFORMS = Set.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS);

    private XmlSignatures() {
    }

    /** Refused unless {@code signature}, a child of {@code signed}, signs exactly it with one of {@code trusted}. */
    static void verify(Element signature, Element signed, List<X509Certificate> trusted) {
        String id = SamlXml.attribute(signed, "ID");
        if (id.isEmpty() || signature.getParentNode() != signed) {
            throw new SamlException("The " + signed.getLocalName() + "'s signature does not sign it.");
        }
        for (X509Certificate certificate : trusted) {
            DOMValidateContext context = new DOMValidateContext(KeySelector.singletonKeySelector(
                    certificate.getPublicKey()), signature);
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            context.setIdAttributeNS(signed, null, "ID");
            try {
                XMLSignature xml = FACTORY.unmarshalXMLSignature(context);
                checkReference(xml, id, signed.getLocalName());
                if (xml.validate(context)) {
                    return;
                }
            } catch (MarshalException | XMLSignatureException | ClassCastException e) {
                throw new SamlException("The " + signed.getLocalName() + "'s signature cannot be checked.");
            }
        }
        throw new SamlException("The " + signed.getLocalName() + "'s signature is not valid for a certificate of the "
                + "identity provider's metadata.");
    }

    private static void checkReference(XMLSignature xml, String id, String what) {
        List<?> references = xml.getSignedInfo().getReferences();
        if (references.size() != 1 || !("#" + id).equals(((Reference) references.get(0)).getURI())) {
            throw new SamlException("The " + what + "'s signature must reference it, and only it.");
        }
        for (Object transform : ((Reference) references.get(0)).getTransforms()) {
            if (!TRANSFORMS.contains(((Transform) transform).getAlgorithm())) {
                throw new SamlException("The " + what + "'s signature uses a transform SAML does not allow.");
            }
        }
    }
}
