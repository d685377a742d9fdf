package io.cognate.identitypool.logins;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.nimbusds.jose.jwk.JWKSet;

import io.cognate.identitypool.config.CognateConfig;
import io.smallrye.mutiny.Uni;

/**
 * Issuers' JWKS by URL, fetched over HTTP and kept for {@code cognate.user-pools.jwks-ttl}; a key id the copy lacks
 * fetches again (a rotation), at most once a second per issuer.
 */
@ApplicationScoped
public class JwksCache {
    private static final Duration REFETCH_FLOOR = Duration.ofSeconds(1);

    private record Cached(JWKSet keys, Instant fetchedAt) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Cached> byUrl = new ConcurrentHashMap<>();
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
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
        return CallerContext.resumeOnCaller(Uni.createFrom()
                .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString())))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new LoginRejectedException("The issuer's JWKS answered HTTP " + response.statusCode()
                                + ".", true);
                    }
                    try {
                        JWKSet keys = JWKSet.parse(response.body());
                        byUrl.put(url, new Cached(keys, clock.instant()));
                        return keys;
                    } catch (java.text.ParseException e) {
                        throw new LoginRejectedException("The issuer's JWKS is not a JWK set.", true);
                    }
                })
                .onFailure(e -> !(e instanceof LoginRejectedException))
                .transform(e -> new LoginRejectedException("The issuer's JWKS could not be fetched.", true));
    }
}
