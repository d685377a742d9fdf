package io.cognate.oidc;

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

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;

import io.smallrye.mutiny.Uni;

/**
 * OpenID Connect issuers' discovery documents ({@code <issuer>/.well-known/openid-configuration}, kept until the
 * service restarts) and JWKS by URL (kept for a TTL; a key id the copy lacks fetches again, a rotation, at most once a
 * second per URL), fetched over HTTP. Answers arrive on the HTTP client's threads: a caller on a Vert.x context that
 * needs it back resumes there itself.
 */
public final class Issuers {
    private static final Duration REFETCH_FLOOR = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private record Cached(JWKSet keys, Instant fetchedAt) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Map<String, Cached> keysByUrl = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> discovery = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public Issuers(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The issuer's discovery document, as JSON members. */
    public Uni<Map<String, Object>> discovery(String issuer) {
        Map<String, Object> known = discovery.get(issuer);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        String url = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + "/.well-known/openid-configuration";
        return fetch(url, "discovery document").map(body -> {
            try {
                Map<String, Object> document = Map.copyOf(JSONObjectUtils.parse(body));
                discovery.put(issuer, document);
                return document;
            } catch (ParseException e) {
                throw new IssuerException("The issuer's discovery document is not JSON.");
            }
        });
    }

    /** A member of the issuer's discovery document that must be a string (jwks_uri, token_endpoint, ...). */
    public Uni<String> endpoint(String issuer, String member) {
        return discovery(issuer).map(document -> {
            if (!(document.get(member) instanceof String value)) {
                throw new IssuerException("The issuer's discovery document has no " + member + ".");
            }
            return value;
        });
    }

    /** The keys at a JWKS URL, with the key {@code kid} if the issuer has it. */
    public Uni<JWKSet> keys(String url, String kid) {
        Cached cached = keysByUrl.get(url);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.fetchedAt().plus(ttl))
                && (cached.keys().getKeyByKeyId(kid) != null || now.isBefore(cached.fetchedAt().plus(REFETCH_FLOOR)))) {
            return Uni.createFrom().item(cached.keys());
        }
        return fetch(url, "JWKS").map(body -> {
            try {
                JWKSet keys = JWKSet.parse(body);
                keysByUrl.put(url, new Cached(keys, clock.instant()));
                return keys;
            } catch (ParseException e) {
                throw new IssuerException("The issuer's JWKS is not a JWK set.");
            }
        });
    }

    /**
     * A provider's JSON API read with a user's access token (a Bearer token): how the OAuth 2.0 providers without ID
     * tokens (Facebook's Graph API, Login with Amazon) say whose a token is and for which app. Not cached.
     */
    public Uni<Map<String, Object>> api(String url, String accessToken, String what) {
        return fetch(url, what, accessToken).map(body -> {
            try {
                return JSONObjectUtils.parse(body);
            } catch (ParseException e) {
                throw new IssuerException("The provider's " + what + " did not answer JSON.");
            }
        });
    }

    private Uni<String> fetch(String url, String what) {
        return fetch(url, what, null);
    }

    private Uni<String> fetch(String url, String what, String accessToken) {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
            if (accessToken != null) {
                builder.header("Authorization", "Bearer " + accessToken);
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new IssuerException("The issuer's " + what + " URL is not valid."));
        }
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IssuerException("The issuer's " + what + " answered HTTP " + response.statusCode()
                                + ".", response.statusCode());
                    }
                    return response.body();
                })
                .onFailure(e -> !(e instanceof IssuerException))
                .transform(e -> new IssuerException("The issuer's " + what + " could not be fetched."));
    }
}
