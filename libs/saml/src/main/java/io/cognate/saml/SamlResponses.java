package io.cognate.saml;

import static io.cognate.saml.SamlXml.ASSERTION;
import static io.cognate.saml.SamlXml.PROTOCOL;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A Response that came back by the POST binding, checked as SAML Core and Profiles (§4.1.4) require of a web
 * browser SSO answer, before anything in it is believed: exactly one assertion, directly in the Response (a second
 * one, anywhere, is signature wrapping); the Response or the assertion signed by a certificate of the provider's
 * metadata, and every signature present valid; issuer, destination, audience, bearer recipient, InResponseTo (or its
 * absence, unsolicited), and the time window with the allowed skew; encrypted assertions opened; and the NameID and
 * attributes plain text.
 */
public final class SamlResponses {
    /** Cognito's limit on a posted SAMLResponse. */
    public static final int MAX_LENGTH = 100_000;
    private static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    private static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";

    /**
     * What the answer must be: from {@code idpEntityId}, signed by one of {@code trusted}, for {@code audience} at
     * {@code acsUrl}, in response to {@code inResponseTo} (null: unsolicited, IdP-initiated), and encrypted to
     * {@code decryptionKey} when {@code encrypted}.
     */
    public record Expected(String idpEntityId, List<X509Certificate> trusted, String audience, String acsUrl,
            String inResponseTo, Instant now, Duration skew, PrivateKey decryptionKey, boolean encrypted) {
    }

    /** The assertion's content: its id and end of validity (for replay protection), and who signed in. */
    public record Assertion(String id, Instant notOnOrAfter, String nameId, String nameIdFormat, String sessionIndex,
            Map<String, List<String>> attributes) {
    }

    private SamlResponses() {
    }

    /** The InResponseTo of a response, before it is checked (to find the request it answers); "" when none. */
    public static String inResponseTo(String samlResponse) {
        return SamlXml.attribute(parse(samlResponse).getDocumentElement(), "InResponseTo");
    }

    public static Assertion check(String samlResponse, Expected expected) {
        Document document = parse(samlResponse);
        Element response = document.getDocumentElement();
        if (!SamlXml.is(response, PROTOCOL, "Response")) {
            throw new SamlException("The SAMLResponse is not a SAML 2.0 Response.");
        }
        checkUniqueIds(document);
        String destination = SamlXml.attribute(response, "Destination");
        if (!destination.isEmpty() && !destination.equals(expected.acsUrl())) {
            throw new SamlException("The Response's Destination is not this pool's ACS URL.");
        }
        checkIssuer(response, expected, false);
        checkStatus(response);
        checkInResponseTo(SamlXml.attribute(response, "InResponseTo"), expected, "Response");
        Element responseSignature = SamlXml.child(response, SamlXml.DSIG, "Signature");
        if (responseSignature != null) {
            XmlSignatures.verify(responseSignature, response, expected.trusted());
        }
        Element assertion = theAssertion(document, response, expected);
        Element assertionSignature = SamlXml.child(assertion, SamlXml.DSIG, "Signature");
        if (assertionSignature != null) {
            XmlSignatures.verify(assertionSignature, assertion, expected.trusted());
        } else if (responseSignature == null) {
            throw new SamlException("Neither the Response nor its Assertion is signed.");
        }
        return content(assertion, expected);
    }

    /**
     * A LogoutResponse posted back after single logout: from the provider, to {@code expected.acsUrl()} (the pool's
     * logout URL), answering {@code expected.inResponseTo()}, successful, and its signature, if it carries one, valid.
     */
    public static void checkLogout(String samlResponse, Expected expected) {
        Document document = parse(samlResponse);
        Element response = document.getDocumentElement();
        if (!SamlXml.is(response, PROTOCOL, "LogoutResponse")) {
            throw new SamlException("The SAMLResponse is not a LogoutResponse.");
        }
        checkUniqueIds(document);
        String destination = SamlXml.attribute(response, "Destination");
        if (!destination.isEmpty() && !destination.equals(expected.acsUrl())) {
            throw new SamlException("The LogoutResponse's Destination is not this pool's logout URL.");
        }
        checkIssuer(response, expected, true);
        checkInResponseTo(SamlXml.attribute(response, "InResponseTo"), expected, "LogoutResponse");
        Element signature = SamlXml.child(response, SamlXml.DSIG, "Signature");
        if (signature != null) {
            XmlSignatures.verify(signature, response, expected.trusted());
        }
        checkStatus(response);
    }

    private static Document parse(String samlResponse) {
        if (samlResponse == null || samlResponse.isEmpty() || samlResponse.length() > MAX_LENGTH) {
            throw new SamlException("The SAMLResponse is missing or longer than " + MAX_LENGTH + " characters.");
        }
        try {
            return SamlXml.parse(Base64.getMimeDecoder().decode(samlResponse));
        } catch (IllegalArgumentException e) {
            throw new SamlException("The SAMLResponse is not base64.");
        }
    }

    /** Two elements with one ID make "the element with this ID" ambiguous: refused outright. */
    private static void checkUniqueIds(Document document) {
        Set<String> ids = new HashSet<>();
        List<Node> pending = new ArrayList<>(List.of(document.getDocumentElement()));
        while (!pending.isEmpty()) {
            Node node = pending.remove(pending.size() - 1);
            if (node instanceof Element element) {
                if (element.hasAttribute("ID") && !ids.add(element.getAttribute("ID"))) {
                    throw new SamlException("The SAMLResponse holds two elements with the same ID.");
                }
                for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                    pending.add(child);
                }
            }
        }
    }

    /** The one assertion: plain or encrypted, a child of the Response, and no other anywhere in the document. */
    private static Element theAssertion(Document document, Element response, Expected expected) {
        List<Element> plain = SamlXml.everywhere(document, ASSERTION, "Assertion");
        List<Element> encrypted = SamlXml.everywhere(document, ASSERTION, "EncryptedAssertion");
        if (plain.size() + encrypted.size() != 1) {
            throw new SamlException("The Response must hold exactly one assertion.");
        }
        Element found = plain.isEmpty() ? encrypted.get(0) : plain.get(0);
        if (found.getParentNode() != response) {
            throw new SamlException("The assertion is not a child of the Response.");
        }
        if (expected.encrypted() && encrypted.isEmpty()) {
            throw new SamlException("The identity provider must encrypt its assertions (EncryptedResponses).");
        }
        if (!encrypted.isEmpty()) {
            if (expected.decryptionKey() == null) {
                throw new SamlException("The assertion is encrypted, but the provider is not set up for "
                        + "EncryptedResponses.");
            }
            return EncryptedAssertions.decrypt(found, expected.decryptionKey());
        }
        return found;
    }

    private static void checkIssuer(Element element, Expected expected, boolean required) {
        Element issuer = SamlXml.child(element, ASSERTION, "Issuer");
        if (issuer == null ? required : !SamlXml.text(issuer).equals(expected.idpEntityId())) {
            throw new SamlException("The " + element.getLocalName() + "'s Issuer is not the identity provider's "
                    + "entity id.");
        }
    }

    private static void checkStatus(Element response) {
        Element status = SamlXml.child(response, PROTOCOL, "Status");
        Element code = status == null ? null : SamlXml.child(status, PROTOCOL, "StatusCode");
        String value = code == null ? "" : SamlXml.attribute(code, "Value");
        if (!SUCCESS.equals(value)) {
            Element message = status == null ? null : SamlXml.child(status, PROTOCOL, "StatusMessage");
            String text = message == null ? "" : SamlXml.text(message);
            throw new SamlException.IdpRefusal("The identity provider did not sign the user in (" + value
                    .substring(value.lastIndexOf(':') + 1) + (text.isEmpty() ? "" : ": " + text) + ").");
        }
    }

    private static void checkInResponseTo(String inResponseTo, Expected expected, String where) {
        if (expected.inResponseTo() == null ? !inResponseTo.isEmpty()
                : !expected.inResponseTo().equals(inResponseTo)) {
            throw new SamlException(expected.inResponseTo() == null
                    ? "The " + where + " answers a request, but arrived without one (InResponseTo)."
                    : "The " + where + " does not answer this sign-in's request (InResponseTo).");
        }
    }

    private static Assertion content(Element assertion, Expected expected) {
        checkIssuer(assertion, expected, true);
        Element subject = SamlXml.child(assertion, ASSERTION, "Subject");
        Element nameId = subject == null ? null : SamlXml.child(subject, ASSERTION, "NameID");
        if (nameId == null || SamlXml.text(nameId).isEmpty()) {
            throw new SamlException("The assertion names no subject (NameID).");
        }
        Instant notOnOrAfter = bearerUntil(subject, expected);
        Element conditions = SamlXml.child(assertion, ASSERTION, "Conditions");
        if (conditions == null) {
            throw new SamlException("The assertion has no Conditions.");
        }
        Instant notBefore = time(conditions, "NotBefore");
        if (notBefore != null && notBefore.isAfter(expected.now().plus(expected.skew()))) {
            throw new SamlException("The assertion is not valid yet (NotBefore).");
        }
        Instant conditionsEnd = time(conditions, "NotOnOrAfter");
        if (conditionsEnd != null) {
            if (!conditionsEnd.isAfter(expected.now().minus(expected.skew()))) {
                throw new SamlException("The assertion has expired (NotOnOrAfter).");
            }
            notOnOrAfter = conditionsEnd.isBefore(notOnOrAfter) ? conditionsEnd : notOnOrAfter;
        }
        for (Element restriction : SamlXml.children(conditions, ASSERTION, "AudienceRestriction")) {
            if (SamlXml.children(restriction, ASSERTION, "Audience").stream()
                    .noneMatch(audience -> SamlXml.text(audience).equals(expected.audience()))) {
                throw new SamlException("The assertion is meant for another audience, not " + expected.audience()
                        + ".");
            }
        }
        if (SamlXml.children(conditions, ASSERTION, "AudienceRestriction").isEmpty()) {
            throw new SamlException("The assertion has no AudienceRestriction.");
        }
        Element authn = SamlXml.children(assertion, ASSERTION, "AuthnStatement").stream().findFirst().orElse(null);
        return new Assertion(SamlXml.attribute(assertion, "ID"), notOnOrAfter, SamlXml.text(nameId),
                SamlXml.attribute(nameId, "Format"), authn == null ? "" : SamlXml.attribute(authn, "SessionIndex"),
                attributes(assertion));
    }

    /** The end of a bearer confirmation meant for this ACS and request; refused when there is none. */
    private static Instant bearerUntil(Element subject, Expected expected) {
        for (Element confirmation : SamlXml.children(subject, ASSERTION, "SubjectConfirmation")) {
            Element data = SamlXml.child(confirmation, ASSERTION, "SubjectConfirmationData");
            if (!BEARER.equals(SamlXml.attribute(confirmation, "Method")) || data == null) {
                continue;
            }
            if (!expected.acsUrl().equals(SamlXml.attribute(data, "Recipient"))) {
                throw new SamlException("The assertion's Recipient is not this pool's ACS URL.");
            }
            checkInResponseTo(SamlXml.attribute(data, "InResponseTo"), expected, "assertion");
            Instant until = time(data, "NotOnOrAfter");
            if (until == null || data.hasAttribute("NotBefore")) {
                throw new SamlException("The assertion's bearer confirmation must end (NotOnOrAfter) and not start.");
            }
            if (!until.isAfter(expected.now().minus(expected.skew()))) {
                throw new SamlException("The assertion has expired (SubjectConfirmationData NotOnOrAfter).");
            }
            return until;
        }
        throw new SamlException("The assertion has no bearer SubjectConfirmation.");
    }

    private static Map<String, List<String>> attributes(Element assertion) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (Element statement : SamlXml.children(assertion, ASSERTION, "AttributeStatement")) {
            for (Element attribute : SamlXml.children(statement, ASSERTION, "Attribute")) {
                List<String> values = new ArrayList<>();
                for (Element value : SamlXml.children(attribute, ASSERTION, "AttributeValue")) {
                    values.add(SamlXml.text(value));
                }
                attributes.put(SamlXml.attribute(attribute, "Name"), List.copyOf(values));
            }
        }
        return attributes;
    }

    private static Instant time(Element element, String attribute) {
        String value = SamlXml.attribute(element, attribute);
        try {
            return value.isEmpty() ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new SamlException("The assertion's " + attribute + " is not a time.");
        }
    }
}
