package io.cognate.it;

import static io.cognate.it.ClientCredentialsTest.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cognate.it.support.HostedUi;
import io.cognate.it.support.Jwt;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;
import io.cognate.it.support.Tokens;

/**
 * The feasible modules of the OpenID Foundation's basic OP certification plan ({@code oidcc-basic-certification-test-
 * plan}), one test each, named after the module. The suite itself needs MongoDB and Docker, which these machines do
 * not have; these are its checks, against the pool's issuer. Not covered, as in Cognito: the address scope, POST to
 * the authorize endpoint, max_age, request objects.
 */
class ConformanceTest {
    private static final String CALLBACK = CodeFlowTest.CALLBACK;

    private record Signed(HostedUi.App app, TestUser user, HostedUi.Session browser) {
        JsonNode redeem(Map<String, String> authorize) {
            String code = browser.code(app.authorizeUrl(authorize), user.username(), user.password());
            HttpResponse<String> response = HostedUi.redeem(app, code, null);
            assertEquals(200, response.statusCode(), response.body());
            return HostedUi.json(response);
        }
    }

    private static Signed signed() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> {
        });
        return new Signed(app, TestUsers.confirmed(app.pool(), TestUsers.attribute("given_name", "Ada"),
                TestUsers.attribute("phone_number", "+15555550100")), new HostedUi.Session());
    }

    @Test
    void oidccServer() {
        Signed s = signed();
        JsonNode tokens = s.redeem(Map.of("scope", "openid", "nonce", "n-0S6_WzA2Mj"));
        String idToken = tokens.path("id_token").asText();
        Tokens.verifyIdToken(s.app().poolId(), s.app().clientId(), idToken);
        JsonNode header = Jwt.header(idToken);
        JsonNode claims = Jwt.claims(idToken);
        assertEquals("RS256", header.path("alg").asText());
        JsonNode jwks = HostedUi.json(s.browser().get(Stack.get().issuer(s.app().poolId())
                + "/.well-known/jwks.json"));
        assertTrue(jwks.path("keys").findValuesAsText("kid").contains(header.path("kid").asText()));
        assertEquals(Stack.get().issuer(s.app().poolId()), claims.path("iss").asText());
        assertEquals(s.app().clientId(), claims.path("aud").asText());
        assertTrue(claims.path("exp").asLong() > claims.path("iat").asLong());
        assertEquals("n-0S6_WzA2Mj", claims.path("nonce").asText());
        assertEquals(CodeFlowTest.atHash(tokens.path("access_token").asText()), claims.path("at_hash").asText());
    }

    @Test
    void oidccResponseTypeMissing() {
        Signed s = signed();
        String location = HostedUi.location(s.browser().get(s.app().base() + "/oauth2/authorize?client_id="
                + s.app().clientId() + "&redirect_uri=" + CALLBACK + "&scope=openid"));
        assertEquals("invalid_request", HostedUi.parameter(location, "error"));
    }

    @Test
    void oidccIdtokenSignature() {
        Signed s = signed();
        JsonNode discovery = HostedUi.json(s.browser().get(Stack.get().issuer(s.app().poolId())
                + "/.well-known/openid-configuration"));
        JsonNode algorithms = discovery.path("id_token_signing_alg_values_supported");
        assertEquals(1, algorithms.size(), "RS256 only; unsigned ID tokens (none) are never issued");
        assertEquals("RS256", algorithms.get(0).asText());
    }

    @Test
    void oidccUserinfoGet() {
        Signed s = signed();
        String accessToken = s.redeem(Map.of("scope", "openid")).path("access_token").asText();
        HttpResponse<String> info = s.browser().send(HttpRequest.newBuilder(URI.create(s.app().base()
                + "/oauth2/userInfo")).header("Authorization", "Bearer " + accessToken));
        assertEquals(200, info.statusCode());
        assertEquals(s.user().sub(), HostedUi.json(info).path("sub").asText());
    }

    @Test
    void oidccUserinfoPostHeader() {
        Signed s = signed();
        String accessToken = s.redeem(Map.of("scope", "openid")).path("access_token").asText();
        HttpResponse<String> info = s.browser().send(HttpRequest.newBuilder(URI.create(s.app().base()
                + "/oauth2/userInfo")).header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")));
        assertEquals(200, info.statusCode(), info.body());
        assertEquals(s.user().sub(), HostedUi.json(info).path("sub").asText());
    }

    @Test
    void oidccUserinfoPostBody() {
        Signed s = signed();
        String accessToken = s.redeem(Map.of("scope", "openid")).path("access_token").asText();
        HttpResponse<String> info = s.browser().post(s.app().base() + "/oauth2/userInfo",
                Map.of("access_token", accessToken));
        assertEquals(200, info.statusCode(), info.body());
        assertEquals(s.user().sub(), HostedUi.json(info).path("sub").asText());
    }

    @Test
    void oidccEnsureRequestWithoutNonceSucceedsForCodeFlow() {
        Signed s = signed();
        assertFalse(Jwt.claims(s.redeem(Map.of("scope", "openid")).path("id_token").asText()).has("nonce"));
    }

    @Test
    void oidccScopeProfile() {
        JsonNode info = userInfo(signed(), "openid profile");
        assertEquals("Ada", info.path("given_name").asText());
    }

    @Test
    void oidccScopeEmail() {
        JsonNode info = userInfo(signed(), "openid email");
        assertTrue(info.has("email") && info.has("email_verified"));
        assertFalse(info.has("given_name") || info.has("phone_number"));
    }

    @Test
    void oidccScopePhone() {
        JsonNode info = userInfo(signed(), "openid phone");
        assertEquals("+15555550100", info.path("phone_number").asText());
        assertFalse(info.has("email") || info.has("given_name"));
    }

    @Test
    void oidccScopeAll() {
        JsonNode info = userInfo(signed(), "openid profile email phone");
        assertTrue(info.has("given_name") && info.has("email") && info.has("phone_number"));
    }

    @Test
    void oidccEnsureRequestWithUnknownParameterSucceeds() {
        Signed s = signed();
        assertTrue(s.redeem(Map.of("scope", "openid", "extra_param", "foo")).has("id_token"));
    }

    @Test
    void oidccCodereuse() {
        Signed s = signed();
        String code = s.browser().code(s.app().authorizeUrl(Map.of("scope", "openid")), s.user().username(),
                s.user().password());
        JsonNode first = HostedUi.json(HostedUi.redeem(s.app(), code, null));
        expectError(HostedUi.redeem(s.app(), code, null), "invalid_grant");
        HttpResponse<String> info = s.browser().send(HttpRequest.newBuilder(URI.create(s.app().base()
                + "/oauth2/userInfo")).header("Authorization", "Bearer " + first.path("access_token").asText()));
        assertEquals(401, info.statusCode(), "the tokens of a reused code are revoked");
    }

    @Test
    void oidccEnsureRegisteredRedirectUri() {
        Signed s = signed();
        String location = HostedUi.location(s.browser().get(s.app().authorizeUrl(Map.of("scope", "openid",
                "redirect_uri", "https://attacker.example.com/cb"))));
        assertTrue(location.startsWith(s.app().base() + "/error"), location);
    }

    @Test
    void oidccServerClientSecretPost() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> b.generateSecret(true));
        TestUser user = TestUsers.confirmed(app.pool());
        String code = new HostedUi.Session().code(app.authorizeUrl(Map.of("scope", "openid")), user.username(),
                user.password());
        HttpResponse<String> response = HostedUi.token(new HostedUi.App(app.poolId(), app.domain(), app.clientId(),
                null, CALLBACK),
                Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK,
                        "client_id", app.clientId(), "client_secret", app.secret()));
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void oidccPromptLogin() {
        Signed s = signed();
        s.redeem(Map.of("scope", "openid"));
        String location = HostedUi.location(s.browser().get(s.app().authorizeUrl(Map.of("scope", "openid",
                "prompt", "login"))));
        assertTrue(location.startsWith(s.app().base() + "/login?"), location);
    }

    @Test
    void oidccPromptNoneNotLoggedIn() {
        Signed s = signed();
        String location = HostedUi.location(s.browser().get(s.app().authorizeUrl(Map.of("scope", "openid",
                "prompt", "none", "state", "q"))));
        assertEquals("login_required", HostedUi.parameter(location, "error"));
        assertEquals("q", HostedUi.parameter(location, "state"));
    }

    @Test
    void oidccPromptNoneLoggedIn() {
        Signed s = signed();
        s.redeem(Map.of("scope", "openid"));
        String location = HostedUi.location(s.browser().get(s.app().authorizeUrl(Map.of("scope", "openid",
                "prompt", "none"))));
        assertTrue(location.startsWith(CALLBACK + "?code="), location);
    }

    @Test
    void oidccLoginHint() {
        Signed s = signed();
        String login = HostedUi.location(s.browser().get(s.app().authorizeUrl(Map.of("scope", "openid",
                "login_hint", "ada@example.test"))));
        assertTrue(s.browser().get(login).body().contains("value=\"ada@example.test\""));
    }

    @Test
    void oidccServerRotateKeys() throws InterruptedException {
        Signed s = signed();
        String before = s.redeem(Map.of("scope", "openid")).path("id_token").asText();
        Stack.get().deployScript("keys.sh", "rotate-signing-keys");
        Thread.sleep(2_000); // the test stack's key cache: 1 s
        String after = s.redeem(Map.of("scope", "openid", "prompt", "login")).path("id_token").asText();

        String oldKid = Jwt.header(before).path("kid").asText();
        String newKid = Jwt.header(after).path("kid").asText();
        assertFalse(oldKid.equals(newKid), "the new token is signed with the new key");
        JsonNode jwks = HostedUi.json(s.browser().get(Stack.get().issuer(s.app().poolId())
                + "/.well-known/jwks.json"));
        assertTrue(jwks.path("keys").findValuesAsText("kid").containsAll(java.util.List.of(oldKid, newKid)),
                "the JWKS serves both keys");
        Tokens.verifyIdToken(s.app().poolId(), s.app().clientId(), before);
        Tokens.verifyIdToken(s.app().poolId(), s.app().clientId(), after);
    }

    private static JsonNode userInfo(Signed s, String scope) {
        String accessToken = s.redeem(Map.of("scope", scope)).path("access_token").asText();
        HttpResponse<String> info = s.browser().send(HttpRequest.newBuilder(URI.create(s.app().base()
                + "/oauth2/userInfo")).header("Authorization", "Bearer " + accessToken));
        assertEquals(200, info.statusCode(), info.body());
        return HostedUi.json(info);
    }
}
