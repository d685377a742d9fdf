package io.cognate.it;

import static io.cognate.it.ClientCredentialsTest.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.HostedUi;
import io.cognate.it.support.Jwt;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;
import io.cognate.it.support.Tokens;

import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * The authorization code flow through the pages and the token endpoint, without a browser (the pages' forms posted
 * as a browser posts them): PKCE, the tokens' hosted-UI claims, userInfo, refresh, revoke, and the refusals RFC 6749
 * and Cognito give.
 */
class CodeFlowTest {
    static final String CALLBACK = "http://127.0.0.1:9/callback";

    @Test
    void codeWhenPkceAndNonceThenTokensWithHostedUiClaimsThatVerify() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> {
        });
        TestUser user = TestUsers.confirmed(app.pool());
        String verifier = HostedUi.verifier();
        String code = new HostedUi.Session().code(app.authorizeUrl(Map.of("scope", "openid email", "state", "s-1",
                "nonce", "n-1", "code_challenge", HostedUi.challenge(verifier), "code_challenge_method", "S256")),
                user.username(), user.password());

        HttpResponse<String> response = HostedUi.redeem(app, code, verifier);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode tokens = HostedUi.json(response);
        String accessToken = tokens.path("access_token").asText();
        String idToken = tokens.path("id_token").asText();
        assertNotNull(tokens.path("refresh_token").textValue());
        assertEquals("Bearer", tokens.path("token_type").asText());

        Tokens.verifyIdToken(app.poolId(), app.clientId(), idToken);
        JsonNode id = Jwt.claims(idToken);
        assertEquals("n-1", id.path("nonce").asText());
        assertEquals(atHash(accessToken), id.path("at_hash").asText());
        assertTrue(id.has("email"));
        assertFalse(id.has("custom:team"), "the email scope alone grants the email claims only");

        JsonNode access = Jwt.claims(accessToken);
        assertEquals(2, access.path("version").asInt());
        assertEquals(List.of("openid", "email"), HostedUi.scopes(access));
        assertEquals(user.username(), access.path("username").asText());
    }

    @Test
    void codeWhenStateGivenThenEchoedAndUserInfoAnswersTheScopesClaims() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> {
        });
        TestUser user = TestUsers.confirmed(app.pool());
        HostedUi.Session browser = new HostedUi.Session();
        String callback = HostedUi.location(browser.signIn(app.authorizeUrl(Map.of("scope", "openid email",
                "state", "xyz")), user.username(), user.password()));
        assertTrue(callback.startsWith(CALLBACK + "?code="), callback);
        assertEquals("xyz", HostedUi.parameter(callback, "state"));
        String accessToken = HostedUi.json(HostedUi.redeem(app, HostedUi.parameter(callback, "code"), null))
                .path("access_token").asText();

        HttpResponse<String> get = browser.send(HttpRequest.newBuilder(URI.create(app.base() + "/oauth2/userInfo"))
                .header("Authorization", "Bearer " + accessToken));
        assertEquals(200, get.statusCode(), get.body());
        JsonNode info = HostedUi.json(get);
        assertEquals(user.email(), info.path("email").asText());
        assertEquals("true", info.path("email_verified").textValue(), "Cognito answers email_verified as a string");
        assertFalse(info.has("custom:team"));

        HttpResponse<String> post = browser.post(app.base() + "/oauth2/userInfo", Map.of("access_token", accessToken));
        assertEquals(200, post.statusCode(), post.body());
    }

    @Test
    void refreshAndRevokeWhenCodeRedeemedThenRefreshWorksUntilRevoked() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> {
        });
        TestUser user = TestUsers.confirmed(app.pool());
        String code = new HostedUi.Session().code(app.authorizeUrl(Map.of("scope", "openid profile")),
                user.username(), user.password());
        JsonNode tokens = HostedUi.json(HostedUi.redeem(app, code, null));
        String refreshToken = tokens.path("refresh_token").asText();

        HttpResponse<String> refreshed = HostedUi.token(app, Map.of("grant_type", "refresh_token", "client_id",
                app.clientId(), "refresh_token", refreshToken));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        JsonNode fresh = HostedUi.json(refreshed);
        assertFalse(fresh.has("refresh_token"), "without rotation, a refresh answers no new refresh token");
        assertEquals(List.of("openid", "profile"), HostedUi.scopes(Jwt.claims(fresh.path("access_token").asText())),
                "refreshed tokens keep the scopes granted at sign-in");

        HttpResponse<String> revoked = new HostedUi.Session().post(app.base() + "/oauth2/revoke",
                Map.of("token", refreshToken, "client_id", app.clientId()));
        assertEquals(200, revoked.statusCode(), revoked.body());
        expectError(HostedUi.token(app, Map.of("grant_type", "refresh_token", "client_id", app.clientId(),
                "refresh_token", refreshToken)), "invalid_grant");
        HttpResponse<String> info = new HostedUi.Session().send(HttpRequest.newBuilder(URI.create(app.base()
                + "/oauth2/userInfo")).header("Authorization", "Bearer " + fresh.path("access_token").asText()));
        assertEquals(401, info.statusCode(), info.body());
        assertTrue(info.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
    }

    @Test
    void codeWhenVerifierWrongOrMissingOrRedirectDiffersThenInvalidGrant() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> {
        });
        TestUser user = TestUsers.confirmed(app.pool());
        String verifier = HostedUi.verifier();
        Map<String, String> pkce = Map.of("scope", "openid", "code_challenge", HostedUi.challenge(verifier),
                "code_challenge_method", "S256");
        HostedUi.Session browser = new HostedUi.Session();
        expectError(HostedUi.redeem(app, browser.code(app.authorizeUrl(pkce), user.username(), user.password()),
                HostedUi.verifier()), "invalid_grant");
        expectError(HostedUi.redeem(app, browser.code(app.authorizeUrl(pkce), user.username(), user.password()),
                null), "invalid_grant");
        String code = browser.code(app.authorizeUrl(pkce), user.username(), user.password());
        expectError(HostedUi.token(app, Map.of("grant_type", "authorization_code", "client_id", app.clientId(),
                "code", code, "redirect_uri", CALLBACK + "/", "code_verifier", verifier)), "invalid_grant");
        expectError(HostedUi.redeem(app, "not-a-code", null), "invalid_grant");
    }

    @Test
    void codeWhenIssuedByOneTokenServiceThenRedeemedOnTheOther() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> {
        });
        TestUser user = TestUsers.confirmed(app.pool());
        String code = new HostedUi.Session().code(app.authorizeUrl(Map.of("scope", "openid")), user.username(),
                user.password());
        HttpResponse<String> redeemed = new HostedUi.Session().send(HttpRequest.newBuilder(URI.create(
                Stack.get().secondTokenEndpoint() + "/domain/" + app.domain() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(HostedUi.form(Map.of("grant_type", "authorization_code",
                        "client_id", app.clientId(), "code", code, "redirect_uri", CALLBACK)))));
        assertEquals(200, redeemed.statusCode(), redeemed.body());
        Tokens.verifyIdToken(app.poolId(), app.clientId(), HostedUi.json(redeemed).path("id_token").asText());
    }

    @Test
    void getUserWhenOAuthTokenLacksTheAdminScopeThenNotAuthorized() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> {
        });
        TestUser user = TestUsers.confirmed(app.pool());
        String withAdmin = HostedUi.json(HostedUi.redeem(app, new HostedUi.Session().code(app.authorizeUrl(Map.of(
                "scope", "openid aws.cognito.signin.user.admin")), user.username(), user.password()), null))
                .path("access_token").asText();
        assertEquals(user.username(), Cognito.anonymous().getUser(b -> b.accessToken(withAdmin)).username());
        String without = HostedUi.json(HostedUi.redeem(app, new HostedUi.Session().code(app.authorizeUrl(Map.of(
                "scope", "openid")), user.username(), user.password()), null)).path("access_token").asText();
        Expect.error(NotAuthorizedException.class, "Access Token does not have required scopes",
                () -> Cognito.anonymous().getUser(b -> b.accessToken(without)));
    }

    @Test
    void implicitWhenAllowedThenTokensInTheFragmentAndNoRefreshToken() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> {
        });
        TestUser user = TestUsers.confirmed(app.pool());
        String callback = HostedUi.location(new HostedUi.Session().signIn(app.authorizeUrl(Map.of("response_type",
                "token", "scope", "openid", "state", "st")), user.username(), user.password()));
        URI uri = URI.create(callback);
        assertNull(uri.getQuery());
        assertNotNull(HostedUi.parameter(callback, "access_token"));
        assertNotNull(HostedUi.parameter(callback, "id_token"));
        assertNull(HostedUi.parameter(callback, "refresh_token"));
        assertEquals("Bearer", HostedUi.parameter(callback, "token_type"));
        assertEquals("st", HostedUi.parameter(callback, "state"));
    }

    @Test
    void refreshGrantWhenClientRotatesThenANewRefreshTokenEachTime() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> b.refreshTokenRotation(r -> r
                .feature(software.amazon.awssdk.services.cognitoidentityprovider.model.FeatureType.ENABLED)
                .retryGracePeriodSeconds(0)));
        TestUser user = TestUsers.confirmed(app.pool());
        String first = HostedUi.json(HostedUi.redeem(app, new HostedUi.Session().code(app.authorizeUrl(Map.of(
                "scope", "openid")), user.username(), user.password()), null)).path("refresh_token").asText();
        JsonNode rotated = HostedUi.json(HostedUi.token(app, Map.of("grant_type", "refresh_token", "client_id",
                app.clientId(), "refresh_token", first)));
        assertNotNull(rotated.path("refresh_token").textValue(), rotated.toString());
        expectError(HostedUi.token(app, Map.of("grant_type", "refresh_token", "client_id", app.clientId(),
                "refresh_token", first)), "invalid_grant");
    }

    @Test
    void codeWhenOlderThanItsLifetimeThenInvalidGrant() throws InterruptedException {
        // The test stack's codes live 10 s (COGNATE_HOSTED_UI_CODE_TTL); Cognito's, and the default, 5 minutes.
        HostedUi.App app = HostedUi.app(CALLBACK, b -> {
        });
        TestUser user = TestUsers.confirmed(app.pool());
        String code = new HostedUi.Session().code(app.authorizeUrl(Map.of("scope", "openid")), user.username(),
                user.password());
        Thread.sleep(11_000);
        expectError(HostedUi.redeem(app, code, null), "invalid_grant");
    }

    /** OIDC Core §3.1.3.6: the left half of the access token's SHA-256, base64url. */
    static String atHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
