package io.cognate.identitypool.logins;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.identitypool.model.SamlProvider;
import io.cognate.saml.SamlException;
import io.cognate.saml.SamlResponses;

/**
 * Logins from an IAM SAML provider the pool lists (SamlProviderARNs), under the provider's ARN: the base64 SAML
 * Response an identity provider issued for AWS, checked as IAM's SAML federation checks it — audience
 * {@code urn:amazon:webservices}, recipient {@code https://signin.aws.amazon.com/saml}, unsolicited, signed by a
 * certificate of the provider's metadata, within its validity — and by {@link SamlResponses} otherwise (one assertion,
 * no signature wrapping). As an ID token, it may be presented again until it expires (GetId, then
 * GetCredentialsForIdentity). The user is the NameID; the attributes are the claims role mapping rules read.
 */
@ApplicationScoped
public class SamlLogins {
    public static final String AUDIENCE = "urn:amazon:webservices";
    public static final String RECIPIENT = "https://signin.aws.amazon.com/saml";
    private static final Duration SKEW = Duration.ofMinutes(3);

    private final Clock clock;

    public SamlLogins(Clock clock) {
        this.clock = clock;
    }

    public VerifiedLogin verify(SamlProvider provider, String samlResponse) {
        SamlResponses.Assertion assertion;
        try {
            assertion = SamlResponses.check(samlResponse, new SamlResponses.Expected(provider.metadata().entityId(),
                    provider.metadata().signingCertificates(), AUDIENCE, RECIPIENT, null, clock.instant(), SKEW, null,
                    false));
        } catch (SamlException e) {
            throw new LoginRejectedException("Invalid login token. " + e.getMessage(), false);
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        assertion.attributes().forEach((name, values) -> claims.put(name, values.size() == 1 ? values.get(0)
                : values));
        claims.put("sub", assertion.nameId());
        return new VerifiedLogin(provider.arn(), assertion.nameId(), claims);
    }
}
