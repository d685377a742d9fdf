package io.cognate.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import io.cognate.crypto.SelfSignedCertificates;

/** The checks of a posted Response, each refusal by a response that differs from a good one in that one way. */
class SamlResponsesTest {
    private static final String IDP = "https://idp.example.com";
    private static final String SP = "urn:amazon:cognito:sp:us-east-1_Example";
    private static final String ACS = "https://auth.example.com/saml2/idpresponse";
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final KeyPair IDP_KEYS = keys();
    private static final X509Certificate IDP_CERTIFICATE = SelfSignedCertificates.issue(IDP_KEYS, "idp", NOW
            .minusSeconds(3600), NOW.plus(Duration.ofDays(365)));

    @Test
    void aSignedAssertionForThisPoolIsRead() {
        SamlResponses.Assertion assertion = SamlResponses.check(signedAssertion(response("alice@example.com",
                SP, NOW.plusSeconds(300))), expected("_req1"));
        assertEquals("alice@example.com", assertion.nameId());
        assertEquals(List.of("Alice"), assertion.attributes().get("name"));
        assertEquals("_s1", assertion.sessionIndex());
    }

    @Test
    void eachDefectIsRefused() {
        String good = response("alice@example.com", SP, NOW.plusSeconds(300));
        refused(base64(good), "Neither the Response nor its Assertion is signed");
        refused(signedAssertion(response("alice@example.com", "urn:other", NOW.plusSeconds(300))),
                "another audience");
        refused(signedAssertion(response("alice@example.com", SP, NOW.minusSeconds(600))), "expired");
        SamlException wrongRequest = assertThrows(SamlException.class, () -> SamlResponses.check(signedAssertion(
                good), expected("_other")));
        assertEquals("The Response does not answer this sign-in's request (InResponseTo).", wrongRequest
                .getMessage());
    }

    @Test
    void aSecondAssertionBesideTheSignedOneIsSignatureWrapping() {
        String signed = new String(Base64.getDecoder().decode(signedAssertion(response("alice@example.com", SP,
                NOW.plusSeconds(300)))), StandardCharsets.UTF_8);
        int start = signed.indexOf("<saml:Assertion");
        String evil = signed.substring(start, signed.indexOf("</saml:Assertion>") + 17).replace("ID=\"_a1\"",
                "ID=\"_evil\"").replace("alice@example.com", "admin@example.com").replaceAll(
                        "<ds:Signature.*</ds:Signature>", "");
        refused(base64(signed.substring(0, start) + evil + signed.substring(start)), "exactly one assertion");
        String nested = signed.replace("<samlp:Status>", "<samlp:Extensions>" + evil + "</samlp:Extensions>"
                + "<samlp:Status>");
        refused(base64(nested), "exactly one assertion");
    }

    @Test
    void aCommentInTheNameIdIsRefusedThoughTheSignatureIgnoresIt() {
        String signed = new String(Base64.getDecoder().decode(signedAssertion(response("admin@example.com.evil",
                SP, NOW.plusSeconds(300)))), StandardCharsets.UTF_8);
        refused(base64(signed.replace("admin@example.com.evil", "admin@example.com<!---->.evil")), "more than text");
    }

    @Test
    void aDtdIsRefused() {
        refused(base64("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + response("&x;", SP, NOW
                .plusSeconds(300))), "DTD");
    }

    private static void refused(String samlResponse, String because) {
        SamlException refusal = assertThrows(SamlException.class, () -> SamlResponses.check(samlResponse,
                expected("_req1")));
        if (!refusal.getMessage().contains(because)) {
            throw new AssertionError("refused for another reason: " + refusal.getMessage());
        }
    }

    private static SamlResponses.Expected expected(String request) {
        return new SamlResponses.Expected(IDP, List.of(IDP_CERTIFICATE), SP, ACS, request, NOW, Duration
                .ofMinutes(2), null, false);
    }

    private static String response(String nameId, String audience, Instant until) {
        return "<samlp:Response xmlns:samlp=\"" + SamlXml.PROTOCOL + "\" xmlns:saml=\"" + SamlXml.ASSERTION
                + "\" ID=\"_r1\" Version=\"2.0\" IssueInstant=\"" + NOW + "\" Destination=\"" + ACS
                + "\" InResponseTo=\"_req1\"><saml:Issuer>" + IDP + "</saml:Issuer><samlp:Status><samlp:StatusCode "
                + "Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status><saml:Assertion ID=\"_a1\" "
                + "Version=\"2.0\" IssueInstant=\"" + NOW + "\"><saml:Issuer>" + IDP + "</saml:Issuer><saml:Subject>"
                + "<saml:NameID>" + nameId + "</saml:NameID><saml:SubjectConfirmation Method=\""
                + "urn:oasis:names:tc:SAML:2.0:cm:bearer\"><saml:SubjectConfirmationData NotOnOrAfter=\"" + until
                + "\" Recipient=\"" + ACS + "\" InResponseTo=\"_req1\"/></saml:SubjectConfirmation></saml:Subject>"
                + "<saml:Conditions NotBefore=\"" + NOW.minusSeconds(10) + "\" NotOnOrAfter=\"" + until + "\">"
                + "<saml:AudienceRestriction><saml:Audience>" + audience + "</saml:Audience>"
                + "</saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant=\"" + NOW
                + "\" SessionIndex=\"_s1\"/><saml:AttributeStatement><saml:Attribute Name=\"name\">"
                + "<saml:AttributeValue>Alice</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>"
                + "</saml:Assertion></samlp:Response>";
    }

    /** The response with its assertion signed as IdPs sign it (enveloped, exclusive c14n, RSA-SHA256). */
    private static String signedAssertion(String xml) {
        try {
            Document document = SamlXml.parse(xml.getBytes(StandardCharsets.UTF_8));
            Element assertion = SamlXml.everywhere(document, SamlXml.ASSERTION, "Assertion").get(0);
            assertion.setIdAttributeNS(null, "ID", true);
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            Reference reference = factory.newReference("#_a1", factory.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null), factory
                            .newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            var signedInfo = factory.newSignedInfo(factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                    (C14NMethodParameterSpec) null), factory.newSignatureMethod(SignatureMethod.RSA_SHA256, null),
                    Collections.singletonList(reference));
            DOMSignContext context = new DOMSignContext(IDP_KEYS.getPrivate(), assertion, SamlXml.child(assertion,
                    SamlXml.ASSERTION, "Subject"));
            context.setDefaultNamespacePrefix("ds");
            factory.newXMLSignature(signedInfo, null).sign(context);
            return base64(SamlXml.serialize(document));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
