package io.cognate.it.support;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * Verifies Cognate's tokens as a resource server does, with an off-the-shelf library (Nimbus) that knows nothing of
 * Cognate: keys from {@code {issuer}/.well-known/jwks.json}, RS256, issuer {@code {base}/{poolId}}.
 */
public final class Tokens {

    private static final Map<String, JWKSource<SecurityContext>> KEYS = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String jwksUrl(String userPoolId) {
        return Stack.get().issuer(userPoolId) + "/.well-known/jwks.json";
    }

    /** Verifies an ID token as an OIDC relying party: signature, issuer, audience = client id, expiry. */
    public static IDTokenClaimsSet verifyIdToken(String userPoolId, String clientId, String idToken) {
        IDTokenValidator validator = new IDTokenValidator(new Issuer(Stack.get().issuer(userPoolId)),
                new ClientID(clientId), new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys(userPoolId)), null);
        try {
            return validator.validate(JWTParser.parse(idToken), null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new AssertionError("ID token does not verify: " + e.getMessage(), e);
        }
    }

    /** Verifies an access token as an API would: signature, issuer, token_use = access, expiry. */
    public static JWTClaimsSet verifyAccessToken(String userPoolId, String accessToken) {
        return verifyAccess(userPoolId, accessToken, Set.of("sub", "iss", "exp", "iat", "jti", "client_id", "scope",
                "username", "token_use"));
    }

    /** As {@link #verifyAccessToken}, for a client_credentials token (no username). */
    public static JWTClaimsSet verifyClientToken(String userPoolId, String accessToken) {
        return verifyAccess(userPoolId, accessToken, Set.of("sub", "iss", "exp", "iat", "jti", "client_id", "scope",
                "token_use"));
    }

    private static JWTClaimsSet verifyAccess(String userPoolId, String accessToken, Set<String> required) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys(userPoolId)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder()
                        .issuer(Stack.get().issuer(userPoolId))
                        .claim("token_use", "access")
                        .build(),
                required));
        try {
            return processor.process(accessToken, null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new AssertionError("access token does not verify: " + e.getMessage(), e);
        }
    }

    private static JWKSource<SecurityContext> keys(String userPoolId) {
        return KEYS.computeIfAbsent(userPoolId, id -> JWKSourceBuilder.<SecurityContext> create(url(jwksUrl(id)))
                .retrying(true)
                .build());
    }

    private static URL url(String url) {
        try {
            return URI.create(url).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(url, e);
        }
    }
}
