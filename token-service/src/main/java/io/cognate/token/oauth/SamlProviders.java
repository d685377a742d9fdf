package io.cognate.token.oauth;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.protobuf.ByteString;

import io.cognate.contracts.userpool.v1.ExternalProvider;
import io.cognate.contracts.userpool.v1.SamlServiceProviderRequest;
import io.cognate.saml.IdpMetadata;
import io.cognate.saml.RedirectBinding;
import io.cognate.saml.Requests;
import io.cognate.saml.SamlResponses;
import io.cognate.saml.SpMetadata;
import io.cognate.token.userpool.UserPoolClient;
import io.smallrye.mutiny.Uni;

/**
 * The pool as a SAML service provider of its SAML identity providers: entity id {@code urn:amazon:cognito:sp:<poolId>}
 * (Cognito's), AuthnRequests and LogoutRequests by the HTTP-Redirect binding (signed with the pool's signing key when
 * the provider has RequestSigningAlgorithm, LogoutRequests always), the answers checked by {@link SamlResponses}
 * against the provider's metadata, and the pool's own metadata. The pool's keys come from user-pool-service and are
 * kept per replica.
 */
@ApplicationScoped
public class SamlProviders {
    /** How far the provider's clock may be from ours. */
    private static final Duration SKEW = Duration.ofMinutes(3);
    /** Where user-pool-service keeps the document a MetadataURL answered. */
    private static final String FETCHED_METADATA = "cognate:metadata";

    /** The pool's keys: to sign requests, and to open assertions encrypted to it. */
    public record Keys(PrivateKey signingKey, X509Certificate signing, PrivateKey encryptionKey,
            X509Certificate encryption) {
    }

    private final UserPoolClient userPools;
    private final Clock clock;
    private final Map<String, Keys> keysByPool = new ConcurrentHashMap<>();

    public SamlProviders(UserPoolClient userPools, Clock clock) {
        this.userPools = userPools;
        this.clock = clock;
    }

    public static String entityId(String poolId) {
        return "urn:amazon:cognito:sp:" + poolId;
    }

    /** The ID of the request sent with this state: the state's hash, so the answer names the state it belongs to. */
    public static String requestId(String state) {
        return "_" + AuthorizationCodes.s256(state);
    }

    public static boolean flag(ExternalProvider provider, String name) {
        return "true".equals(provider.getDetailsOrDefault(name, ""));
    }

    /** The redirect to the provider's SSO service with an AuthnRequest whose answer is posted to {@code acsUrl}. */
    public Uni<String> authnRequestUrl(ExternalProvider provider, String poolId, String acsUrl, String state) {
        IdpMetadata metadata = metadata(provider);
        String xml = Requests.authn(requestId(state), clock.instant(), metadata.ssoRedirectUrl(), entityId(poolId),
                acsUrl);
        if (provider.getDetailsOrDefault("RequestSigningAlgorithm", "").isEmpty()) {
            return Uni.createFrom().item(RedirectBinding.url(metadata.ssoRedirectUrl(), xml, state, null));
        }
        return keys(poolId).map(keys -> RedirectBinding.url(metadata.ssoRedirectUrl(), xml, state, keys
                .signingKey()));
    }

    /**
     * The assertion of a posted Response, checked: in answer to {@code inResponseTo} (null: unsolicited), decrypted
     * when the provider has EncryptedResponses. Fails with a {@link io.cognate.saml.SamlException} saying why not.
     */
    public Uni<SamlResponses.Assertion> check(ExternalProvider provider, String poolId, String acsUrl,
            String samlResponse, String inResponseTo) {
        IdpMetadata metadata = metadata(provider);
        boolean encrypted = flag(provider, "EncryptedResponses");
        return (encrypted ? keys(poolId) : Uni.createFrom().item((Keys) null)).map(keys -> SamlResponses.check(
                samlResponse, new SamlResponses.Expected(metadata.entityId(), metadata.signingCertificates(),
                        entityId(poolId), acsUrl, inResponseTo, clock.instant(), SKEW,
                        keys == null ? null : keys.encryptionKey(), encrypted)));
    }

    /** The redirect to the provider's SLO service with a signed LogoutRequest for the session. */
    public Uni<String> logoutUrl(ExternalProvider provider, String poolId, SessionCookie.SamlSession session,
            String state) {
        IdpMetadata metadata = metadata(provider);
        return keys(poolId).map(keys -> RedirectBinding.url(metadata.sloRedirectUrl(), Requests.logout(requestId(
                state), clock.instant(), metadata.sloRedirectUrl(), entityId(poolId), session.nameId(),
                session
                        .nameIdFormat(),
                session.sessionIndex()), state, keys.signingKey()));
    }

    /** A posted LogoutResponse, checked: from the provider, to {@code logoutUrl}, answering the state's request. */
    public void checkLogout(ExternalProvider provider, String poolId, String logoutUrl, String samlResponse,
            String state) {
        IdpMetadata metadata = metadata(provider);
        SamlResponses.checkLogout(samlResponse, new SamlResponses.Expected(metadata.entityId(), metadata
                .signingCertificates(), entityId(poolId), logoutUrl, requestId(state), clock.instant(), SKEW, null,
                false));
    }

    /** Whether the provider signs users out too when they sign out of the pool (IDPSignout, and an SLO service). */
    public static boolean signsOut(ExternalProvider provider) {
        return flag(provider, "IDPSignout") && !provider.getDetailsOrDefault("SLORedirectBindingURI", "").isEmpty();
    }

    /** The pool's metadata as a service provider. */
    public Uni<String> metadataOf(String poolId, String acsUrl, String logoutUrl) {
        return keys(poolId).map(keys -> SpMetadata.xml(entityId(poolId), acsUrl, logoutUrl, keys.signing(), keys
                .encryption()));
    }

    private static IdpMetadata metadata(ExternalProvider provider) {
        String file = provider.getDetailsOrDefault("MetadataFile", "");
        return IdpMetadata.parse(file.isEmpty() ? provider.getDetailsOrDefault(FETCHED_METADATA, "") : file);
    }

    private Uni<Keys> keys(String poolId) {
        Keys known = keysByPool.get(poolId);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        SamlServiceProviderRequest request = SamlServiceProviderRequest.newBuilder().setUserPoolId(poolId).build();
        return userPools.call(ui -> ui.samlServiceProvider(request)).map(answer -> {
            Keys keys = new Keys(privateKey(answer.getSigningKey()), certificate(answer.getSigningCertificate()),
                    privateKey(answer.getEncryptionKey()), certificate(answer.getEncryptionCertificate()));
            keysByPool.put(poolId, keys);
            return keys;
        });
    }

    private static PrivateKey privateKey(ByteString pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8.toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(ByteString der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(der.toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The attributes of an assertion as claims: several values of one attribute joined by commas. */
    public static Map<String, String> claims(SamlResponses.Assertion assertion) {
        Map<String, String> claims = new LinkedHashMap<>();
        assertion.attributes().forEach((name, values) -> claims.put(name, String.join(",", values)));
        return claims;
    }
}
