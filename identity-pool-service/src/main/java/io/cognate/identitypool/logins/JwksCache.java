package io.cognate.identitypool.logins;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;

import io.cognate.identitypool.config.CognateConfig;
import io.smallrye.mutiny.Uni;

/**
 * Issuers' JWKS by URL (and OpenID Connect issuers' jwks_uri by their discovery document), fetched over HTTP and kept for
 * {@code cognate.user-pools.jwks-ttl}; a key id the copy lacks
 * fetches again (a rotation), at most once a second per issuer.
 */
@ApplicationScoped
public class JwksCache {
    private static final Duration REFETCH_FLOOR = Duration.ofSeconds(1);

    private record Cached(JWKSet keys, Instant fetchedAt) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Cached> byUrl = new ConcurrentHashMap<>();
    private final Map<String, String> jwksUris = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public JwksCache(CognateConfig config, Clock clock) {
        this.ttl = config.userPools().jwksTtl();
        this.clock = clock;
    }

    /** The issuer's keys, with the key {@code kid} if the issuer has it. */
    public Uni<JWKSet> keys(String url, String kid) {
        Cached cached = byUrl.get(url);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.fetchedAt().plus(ttl))
                && (cached.keys().getKeyByKeyId(kid) != null || now.isBefore(cached.fetchedAt().plus(REFETCH_FLOOR)))) {
            return Uni.createFrom().item(cached.keys());
        }
        return fetch(url, "JWKS").map(body -> {
            try {
                JWKSet keys = JWKSet.parse(body);
                byUrl.put(url, new Cached(keys, clock.instant()));
                return keys;
            } catch (ParseException e) {
                throw new LoginRejectedException("The issuer's JWKS is not a JWK set.", true);
            }
        });
    }

    /**
     * The {@code jwks_uri} of an OpenID Connect issuer's discovery document
     * ({@code <issuer>/.well-known/openid-configuration}).
     */
    public Uni<String> jwksUri(String issuer) {
        String known = jwksUris.get(issuer);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return fetch(issuer + "/.well-known/openid-configuration", "discovery document").map(body -> {
            try {
                Object uri = JSONObjectUtils.parse(body).get("jwks_uri");
                if (!(uri instanceof String jwksUri)) {
                    throw new LoginRejectedException("The issuer's discovery document has no jwks_uri.", true);
                }
                jwksUris.put(issuer, jwksUri);
                return jwksUri;
            } catch (ParseException e) {
                throw new LoginRejectedException("The issuer's discovery document is not JSON.", true);
            }
        });
    }

    private Uni<String> fetch(String url, String what) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
        return CallerContext.resumeOnCaller(Uni.createFrom()
                .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString())))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new LoginRejectedException("The issuer's " + what + " answered HTTP "
                                + response.statusCode() + ".", true);
                    }
                    return response.body();
                })
                .onFailure(e -> !(e instanceof LoginRejectedException))
                .transform(e -> new LoginRejectedException("The issuer's " + what + " could not be fetched.", true));
    }
}
