package io.cognate.saml;

import static io.cognate.saml.SamlXml.escape;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The requests a pool sends an identity provider: an AuthnRequest to sign in, a LogoutRequest to sign out. */
public final class Requests {
    private Requests() {
    }

    /** An AuthnRequest asking for the answer by the POST binding at {@code acsUrl}. */
    public static String authn(String id, Instant now, String destination, String spEntityId, String acsUrl) {
        return "<samlp:AuthnRequest xmlns:samlp=\"" + SamlXml.PROTOCOL + "\" xmlns:saml=\"" + SamlXml.ASSERTION
                + "\" ID=\"" + escape(id) + "\" Version=\"2.0\" IssueInstant=\"" + instant(now)
                + "\" Destination=\"" + escape(destination) + "\" ProtocolBinding=\"" + SamlXml.POST_BINDING
                + "\" AssertionConsumerServiceURL=\"" + escape(acsUrl) + "\"><saml:Issuer>" + escape(spEntityId)
                + "</saml:Issuer><samlp:NameIDPolicy AllowCreate=\"true\"/></samlp:AuthnRequest>";
    }

    /** A LogoutRequest for the session the identity provider opened ({@code sessionIndex}, when it named one). */
    public static String logout(String id, Instant now, String destination, String spEntityId, String nameId,
            String nameIdFormat, String sessionIndex) {
        return "<samlp:LogoutRequest xmlns:samlp=\"" + SamlXml.PROTOCOL + "\" xmlns:saml=\"" + SamlXml.ASSERTION
                + "\" ID=\"" + escape(id) + "\" Version=\"2.0\" IssueInstant=\"" + instant(now)
                + "\" Destination=\"" + escape(destination) + "\"><saml:Issuer>" + escape(spEntityId)
                + "</saml:Issuer><saml:NameID" + (nameIdFormat.isEmpty() ? ""
                        : " Format=\"" + escape(nameIdFormat)
                                + "\"")
                + ">" + escape(nameId) + "</saml:NameID>" + (sessionIndex.isEmpty() ? ""
                        : "<samlp:SessionIndex>" + escape(sessionIndex) + "</samlp:SessionIndex>")
                + "</samlp:LogoutRequest>";
    }

    static String instant(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
