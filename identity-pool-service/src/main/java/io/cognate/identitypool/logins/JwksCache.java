package io.cognate.identitypool.logins;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.nimbusds.jose.jwk.JWKSet;

import io.cognate.database.CallerContext;
import io.cognate.identitypool.config.CognateConfig;
import io.cognate.oidc.IssuerException;
import io.cognate.oidc.Issuers;
import io.smallrye.mutiny.Uni;

/**
 * Issuers' JWKS by URL, and OpenID Connect issuers' jwks_uri by their discovery document ({@link Issuers}), kept for
 * {@code cognate.user-pools.jwks-ttl}; answered on the caller's Vert.x context, an unavailable issuer as a login
 * refusal that says so.
 */
@ApplicationScoped
public class JwksCache {
    private final Issuers issuers;

    public JwksCache(CognateConfig config, Clock clock) {
        this.issuers = new Issuers(config.userPools().jwksTtl(), clock);
    }

    /** The issuer's keys, with the key {@code kid} if the issuer has it. */
    public Uni<JWKSet> keys(String url, String kid) {
        return refusedIfUnavailable(issuers.keys(url, kid));
    }

    /** The {@code jwks_uri} of an OpenID Connect issuer's discovery document. */
    public Uni<String> jwksUri(String issuer) {
        return refusedIfUnavailable(issuers.endpoint(issuer, "jwks_uri"));
    }

    /** A provider's JSON API read with a user's access token (Facebook's Graph API, Login with Amazon's). */
    public Uni<Map<String, Object>> api(String url, String accessToken, String what) {
        return refusedIfUnavailable(issuers.api(url, accessToken, what)
                .onFailure(e -> e instanceof IssuerException issuer && issuer.status() >= 400 && issuer.status() < 500)
                .transform(e -> new LoginRejectedException(
                        "Invalid login token. The provider does not know it.", false)));
    }

    private static <T> Uni<T> refusedIfUnavailable(Uni<T> fetch) {
        return CallerContext.resumeOnCaller(fetch.onFailure(IssuerException.class)
                .transform(e -> new LoginRejectedException(e.getMessage(), true)));
    }
}
