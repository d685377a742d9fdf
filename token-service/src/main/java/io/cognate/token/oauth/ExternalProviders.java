package io.cognate.token.oauth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.cognate.contracts.userpool.v1.ExternalProvider;
import io.cognate.oidc.IssuerException;
import io.cognate.oidc.Issuers;
import io.cognate.oidc.Signatures;
import io.smallrye.mutiny.Uni;

/**
 * Cognate as the relying party of a pool's OIDC and social providers: where to send the browser, and, when it comes
 * back with a code, the code redeemed at the provider's token endpoint (client_secret_post, or client_secret_basic
 * where the issuer takes only that, with the PKCE verifier),
 * the ID token checked (signature by the provider's JWKS, or HMAC under the client secret; iss, aud, exp with a
 * minute's skew, nonce) and the provider's userInfo read with its access token. Every failure is a
 * {@link ProviderException} saying what went wrong, never a secret.
 */
@ApplicationScoped
public class ExternalProviders {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long SKEW_SECONDS = 60;

    private static final String APPLE = "SignInWithApple";
    /** The social providers whose OpenID issuer's discovery names their endpoints. */
    private static final java.util.Set<String> DISCOVERED = java.util.Set.of("Google", APPLE);
    /** The OAuth 2.0 providers without ID tokens, and the member of their profile that names the user. */
    private static final Map<String, String> PROFILE_SUBJECT = Map.of("Facebook", "id", "LoginWithAmazon", "user_id");
    /** The Graph API fields a Facebook sign-in asks for: the user's id and what attribute mapping commonly reads. */
    private static final String FACEBOOK_FIELDS = "id,name,email,first_name,last_name,middle_name,short_name";

    /** A failed sign-in at a provider, in words fit for the client's error_description. */
    public static final class ProviderException extends RuntimeException {
        public ProviderException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * What the provider said of the user: the subject, and its answer in parts — the token response, the ID token's
     * claims (none for a provider without ID tokens) and userInfo (or the profile API's answer).
     */
    public record ProviderUser(String subject, Map<String, Object> tokenResponse, Map<String, Object> idToken,
            Map<String, Object> userInfo) {
        ProviderUser withTokenResponse(Map<String, Object> tokens) {
            return new ProviderUser(subject, tokens, idToken, userInfo);
        }

        /** Every claim: the ID token's, with userInfo's added over them. */
        public Map<String, Object> claims() {
            Map<String, Object> claims = new LinkedHashMap<>(idToken);
            claims.putAll(userInfo);
            return claims;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Issuers issuers;
    private final Clock clock;

    public ExternalProviders(Clock clock) {
        this.issuers = new Issuers(Duration.ofMinutes(5), clock);
        this.clock = clock;
    }

    /** The provider's authorization endpoint for this sign-in. */
    public Uni<String> authorizeUrl(ExternalProvider provider, String redirectUri, String state,
            FederationState.Pending pending) {
        return endpoint(provider, "authorize_url", "authorization_endpoint").map(endpoint -> {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("response_type", "code");
            query.put("client_id", detail(provider, "client_id"));
            query.put("redirect_uri", redirectUri);
            query.put("scope", String.join(" ", scopes(provider)));
            query.put("state", state);
            query.put("nonce", pending.nonce());
            query.put("code_challenge", pending.challenge());
            query.put("code_challenge_method", "S256");
            if (APPLE.equals(provider.getProviderType())) {
                query.put("response_mode", "form_post");
            }
            return RedirectUris.withQuery(endpoint, query);
        });
    }

    /** The user the provider signed in, from the code it sent back. */
    public Uni<ProviderUser> redeem(ExternalProvider provider, String code, String redirectUri,
            FederationState.Pending pending) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("client_id", detail(provider, "client_id"));
        form.put("client_secret", APPLE.equals(provider.getProviderType())
                ? AppleClientSecrets.of(detail(provider, "client_id"), detail(provider, "team_id"),
                        detail(provider, "key_id"), detail(provider, "private_key"), clock.instant())
                : detail(provider, "client_secret"));
        form.put("code_verifier", pending.verifier());
        return basicAuthentication(provider).chain(basic -> endpoint(provider, "token_url", "token_endpoint")
                .chain(tokenUrl -> {
                    HttpRequest.Builder request = HttpRequest.newBuilder(uri(tokenUrl)).timeout(TIMEOUT)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "application/json");
                    if (basic) {
                        request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((encode(
                                form.remove("client_id")) + ":" + encode(form.remove("client_secret")))
                                .getBytes(StandardCharsets.UTF_8)));
                    }
                    return send(request.POST(HttpRequest.BodyPublishers.ofString(RedirectUris.encode(form))),
                            "token endpoint");
                }))
                .chain(tokens -> {
                    if (PROFILE_SUBJECT.containsKey(provider.getProviderType())) {
                        return profile(provider, tokens.get("access_token") instanceof String access ? access : "")
                                .map(user -> user.withTokenResponse(tokens));
                    }
                    if (!(tokens.get("id_token") instanceof String idToken)) {
                        throw new ProviderException("The identity provider's token response has no id_token.");
                    }
                    return verified(provider, idToken, pending.nonce()).chain(claims -> userInfo(provider,
                            tokens.get("access_token") instanceof String access ? access : null, claims))
                            .map(user -> user.withTokenResponse(tokens));
                });
    }

    /**
     * Whether the provider takes the client secret by HTTP Basic only: an OIDC issuer whose discovery document lists
     * client_secret_basic and not client_secret_post (RFC 6749 §2.3.1). Otherwise client_secret_post, as Cognito.
     */
    private Uni<Boolean> basicAuthentication(ExternalProvider provider) {
        String issuer = provider.getDetailsOrDefault("oidc_issuer", "");
        if (!"OIDC".equals(provider.getProviderType()) || issuer.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return issuers.discovery(issuer)
                .map(document -> document.get("token_endpoint_auth_methods_supported") instanceof List<?> methods
                        && !methods.contains("client_secret_post")
                        && methods.contains("client_secret_basic"))
                .onFailure(IssuerException.class).transform(e -> new ProviderException(e.getMessage()));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private Uni<JWTClaimsSet> verified(ExternalProvider provider, String idToken, String nonce) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(idToken);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new ProviderException("The identity provider's id_token is not a signed JWT.");
        }
        String issuer = provider.getDetailsOrDefault("oidc_issuer", "");
        if (!issuer.isEmpty() && !issuer.equals(claims.getIssuer())) {
            throw new ProviderException("The identity provider's id_token has another issuer.");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(detail(provider, "client_id"))) {
            throw new ProviderException("The identity provider's id_token is for another audience.");
        }
        long now = clock.instant().getEpochSecond();
        if (claims.getExpirationTime() == null
                || claims.getExpirationTime().toInstant().getEpochSecond() + SKEW_SECONDS <= now) {
            throw new ProviderException("The identity provider's id_token has expired.");
        }
        if (!nonce.equals(claims.getClaim("nonce"))) {
            throw new ProviderException("The identity provider's id_token does not carry this sign-in's nonce.");
        }
        if (claims.getSubject() == null || claims.getSubject().isEmpty()) {
            throw new ProviderException("The identity provider's id_token has no sub.");
        }
        if (JWSAlgorithm.Family.HMAC_SHA.contains(jwt.getHeader().getAlgorithm())) {
            if (!Signatures.signedWithSecret(jwt, provider.getDetailsOrDefault("client_secret", ""))) {
                throw new ProviderException("The identity provider's id_token signature is not valid.");
            }
            return Uni.createFrom().item(claims);
        }
        SignedJWT token = jwt;
        return endpoint(provider, "jwks_uri", "jwks_uri")
                .chain(jwksUri -> issuers.keys(jwksUri, token.getHeader().getKeyID()))
                .map(keys -> {
                    if (!Signatures.signedBy(token, keys)) {
                        throw new ProviderException("The identity provider's id_token signature is not valid.");
                    }
                    return claims;
                })
                .onFailure(IssuerException.class).transform(e -> new ProviderException(e.getMessage()));
    }

    /** The ID token's claims, with the provider's userInfo (attributes_url, or its discovery's) added where it has one. */
    private Uni<ProviderUser> userInfo(ExternalProvider provider, String accessToken, JWTClaimsSet idClaims) {
        Map<String, Object> claims = new LinkedHashMap<>(idClaims.getClaims());
        if (accessToken == null) {
            return Uni.createFrom().item(new ProviderUser(idClaims.getSubject(), Map.of(), claims, Map.of()));
        }
        boolean post = "POST".equals(provider.getDetailsOrDefault("attributes_request_method", "GET"));
        return optionalEndpoint(provider, "attributes_url", "userinfo_endpoint").chain(url -> {
            if (url == null) {
                return Uni.createFrom().item(new ProviderUser(idClaims.getSubject(), Map.of(), claims, Map.of()));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(url)).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json");
            request = post ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
            return send(request, "userInfo endpoint").map(info -> {
                if (info.get("sub") != null && !idClaims.getSubject().equals(info.get("sub"))) {
                    throw new ProviderException("The identity provider's userInfo is of another user.");
                }
                return new ProviderUser(idClaims.getSubject(), Map.of(), claims, info);
            });
        });
    }

    /**
     * The user of an OAuth 2.0 provider without ID tokens (Facebook, Login with Amazon), from its profile API: the
     * subject is Facebook's {@code id} or Amazon's {@code user_id}, every other member a claim.
     */
    private Uni<ProviderUser> profile(ExternalProvider provider, String accessToken) {
        if (accessToken.isEmpty()) {
            throw new ProviderException("The identity provider's token response has no access_token.");
        }
        String url = detail(provider, "attributes_url") + ("true".equals(detail(provider,
                "attributes_url_add_attributes")) ? FACEBOOK_FIELDS : "");
        return send(HttpRequest.newBuilder(uri(url)).timeout(TIMEOUT).header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json").GET(), "profile API").map(profile -> {
                    Object subject = profile.get(PROFILE_SUBJECT.get(provider.getProviderType()));
                    if (subject == null || String.valueOf(subject).isEmpty()) {
                        throw new ProviderException("The identity provider's profile names no user.");
                    }
                    return new ProviderUser(String.valueOf(subject), Map.of(), Map.of(), profile);
                });
    }

    /** An endpoint: the provider's own detail, else its discovery document's member. */
    private Uni<String> endpoint(ExternalProvider provider, String detail, String member) {
        return optionalEndpoint(provider, detail, member).map(url -> {
            if (url == null) {
                throw new ProviderException("The identity provider has no " + member + ".");
            }
            return url;
        });
    }

    private Uni<String> optionalEndpoint(ExternalProvider provider, String detail, String member) {
        String given = provider.getDetailsOrDefault(detail, "");
        String issuer = provider.getDetailsOrDefault("oidc_issuer", "");
        if (!given.isEmpty() && !DISCOVERED.contains(provider.getProviderType()) || issuer.isEmpty()) {
            return Uni.createFrom().item(given.isEmpty() ? null : given);
        }
        return issuers.discovery(issuer).map(document -> document.get(member) instanceof String url ? url : null)
                .onFailure(IssuerException.class).transform(e -> new ProviderException(e.getMessage()));
    }

    private Uni<Map<String, Object>> send(HttpRequest.Builder request, String what) {
        return Uni.createFrom()
                .completionStage(() -> http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()))
                .onFailure().transform(e -> new ProviderException("The identity provider's " + what
                        + " could not be reached."))
                .map(response -> {
                    Map<String, Object> body;
                    try {
                        body = JSONObjectUtils.parse(response.body());
                    } catch (ParseException e) {
                        throw new ProviderException("The identity provider's " + what + " answered HTTP "
                                + response.statusCode() + " without JSON.");
                    }
                    if (response.statusCode() != 200) {
                        Object error = body.get("error");
                        throw new ProviderException("The identity provider's " + what + " refused: "
                                + (error == null ? "HTTP " + response.statusCode() : error));
                    }
                    return body;
                });
    }

    private static List<String> scopes(ExternalProvider provider) {
        return Arrays.stream(detail(provider, "authorize_scopes").split("[\\s,]+")).filter(s -> !s.isEmpty())
                .toList();
    }

    private static String detail(ExternalProvider provider, String key) {
        return provider.getDetailsOrDefault(key, "");
    }

    private static URI uri(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ProviderException("The identity provider's endpoint is not a valid URL.");
        }
    }
}
