package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cognate.it.support.HostedUi;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;

/**
 * The authorize endpoint's checks, the pool's session cookie (single sign-on, prompt, logout) and the pages' CSRF
 * protection, as a browser meets them.
 */
class AuthorizeTest {
    private static final String CALLBACK = CodeFlowTest.CALLBACK;

    @Test
    void authorizeWhenRedirectUriUnregisteredOrHasATrailingSlashThenErrorPageNeverTheClient() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> {
        });
        HostedUi.Session browser = new HostedUi.Session();
        for (String redirect : new String[] { CALLBACK + "/", "https://evil.example.com/cb" }) {
            String location = HostedUi.location(browser.get(app.authorizeUrl(Map.of("redirect_uri", redirect))));
            assertTrue(location.startsWith(app.base() + "/error?error=redirect_mismatch"), location);
            HttpResponse<String> page = browser.get(location);
            assertEquals(400, page.statusCode());
            assertTrue(page.body().contains("redirect_mismatch"));
        }
    }

    @Test
    void authorizeWhenMalformedThenTheOAuthErrorAtTheRedirectUri() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> b.allowedOAuthFlows(OAuthFlowType.CODE));
        HostedUi.Session browser = new HostedUi.Session();
        assertEquals("invalid_request", error(browser, app, Map.of("code_challenge", "x".repeat(43),
                "code_challenge_method", "plain")));
        assertEquals("invalid_request", error(browser, app, Map.of("code_challenge", "x".repeat(43))));
        assertEquals("unauthorized_client", error(browser, app, Map.of("response_type", "token")));
        assertEquals("unsupported_response_type", error(browser, app, Map.of("response_type", "id_token")));
        assertEquals("invalid_scope", error(browser, app, Map.of("scope", "orders/read")));
        assertEquals("invalid_request", error(browser, app, Map.of("state", "s".repeat(3000))));
        String missing = HostedUi.location(browser.get(app.base() + "/oauth2/authorize?client_id=" + app.clientId()
                + "&redirect_uri=" + CALLBACK + "&state=abc"));
        assertEquals("invalid_request", HostedUi.parameter(missing, "error"));
        assertEquals("abc", HostedUi.parameter(missing, "state"));
    }

    @Test
    void authorizeWhenUnknownParameterThenIgnoredAndTheSignInFormShown() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> {
        });
        HostedUi.Session browser = new HostedUi.Session();
        String login = HostedUi.location(browser.get(app.authorizeUrl(Map.of("scope", "openid", "foo", "bar"))));
        assertTrue(login.startsWith(app.base() + "/login?"), login);
        HttpResponse<String> page = browser.get(login);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("name=\"password\""));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
    }

    @Test
    void sessionWhenSignedInThenAnotherClientOfThePoolGetsACodeWithoutTheForm() {
        HostedUi.App first = HostedUi.app(CALLBACK, b -> {
        });
        HostedUi.App second = HostedUi.app(first.poolId(), first.domain(), CALLBACK, b -> {
        });
        TestUser user = TestUsers.confirmed(first.pool());
        HostedUi.Session browser = new HostedUi.Session();
        browser.code(first.authorizeUrl(Map.of("scope", "openid")), user.username(), user.password());

        String direct = HostedUi.location(browser.get(second.authorizeUrl(Map.of("scope", "openid"))));
        assertTrue(direct.startsWith(CALLBACK + "?code="), direct);
        assertEquals(200, HostedUi.redeem(second, HostedUi.parameter(direct, "code"), null).statusCode());

        String again = HostedUi.location(browser.get(second.authorizeUrl(Map.of("scope", "openid", "prompt", "login"))));
        assertTrue(again.startsWith(first.base() + "/login?"), "prompt=login shows the form: " + again);

        String logout = HostedUi.location(browser.get(first.base() + "/logout?client_id=" + first.clientId()
                + "&logout_uri=" + CALLBACK));
        assertEquals(CALLBACK, logout);
        String afterLogout = HostedUi.location(browser.get(second.authorizeUrl(Map.of("scope", "openid"))));
        assertTrue(afterLogout.startsWith(first.base() + "/login?"), "after /logout the form again: " + afterLogout);
    }

    @Test
    void promptNoneWhenNotSignedInThenLoginRequired() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> {
        });
        assertEquals("login_required", error(new HostedUi.Session(), app, Map.of("prompt", "none")));
    }

    @Test
    void logoutWhenUriNotRegisteredThenErrorPage() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> {
        });
        HttpResponse<String> page = new HostedUi.Session().get(app.base() + "/logout?client_id=" + app.clientId()
                + "&logout_uri=https://evil.example.com/");
        assertEquals(400, page.statusCode());
    }

    @Test
    void logoutWhenRpInitiatedWithIdTokenHintThenBackToThePostLogoutUriWithState() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> {
        });
        TestUser user = TestUsers.confirmed(app.pool());
        HostedUi.Session browser = new HostedUi.Session();
        String idToken = HostedUi.json(HostedUi.redeem(app, browser.code(app.authorizeUrl(Map.of("scope",
                "openid")), user.username(), user.password()), null)).path("id_token").asText();
        String location = HostedUi.location(browser.get(app.base() + "/logout?" + HostedUi.form(Map.of(
                "id_token_hint", idToken, "post_logout_redirect_uri", CALLBACK, "state", "bye"))));
        assertEquals(CALLBACK + "?state=bye", location);
    }

    @Test
    void formWhenCsrfTokenMissingOrWrongThenRefused() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> {
        });
        TestUser user = TestUsers.confirmed(app.pool());
        HostedUi.Session browser = new HostedUi.Session();
        String login = HostedUi.location(browser.get(app.authorizeUrl(Map.of("scope", "openid"))));
        browser.get(login);
        HttpResponse<String> missing = browser.post(login, Map.of("username", user.username(), "password",
                user.password()));
        assertEquals(403, missing.statusCode());
        HttpResponse<String> wrong = browser.post(login, Map.of("_csrf", "A".repeat(43), "username", user.username(),
                "password", user.password()));
        assertEquals(403, wrong.statusCode());
    }

    @Test
    void signInFormWhenPasswordWrongThenTheFormAgainWithCognitosMessage() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> {
        });
        TestUser user = TestUsers.confirmed(app.pool());
        HttpResponse<String> page = new HostedUi.Session().signIn(app.authorizeUrl(Map.of("scope", "openid")),
                user.username(), "Wrong-Password-1");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Incorrect username or password."), page.body());
        HttpResponse<String> unknown = new HostedUi.Session().signIn(app.authorizeUrl(Map.of("scope", "openid")),
                "nobody-here", "Wrong-Password-1");
        assertTrue(unknown.body().contains("Incorrect username or password."),
                "PreventUserExistenceErrors holds on the page too");
    }

    @Test
    void discoveryWhenPoolHasADomainThenTheOAuthEndpointsAndCorsAreAdvertised() {
        String poolId = TestPools.createPool(b -> {
        });
        HostedUi.Session browser = new HostedUi.Session();
        String url = Stack.get().issuer(poolId) + "/.well-known/openid-configuration";
        JsonNode before = HostedUi.json(browser.get(url));
        assertFalse(before.has("authorization_endpoint"));

        String domain = HostedUi.domain(poolId);
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(url))
                .header("Origin", "https://spa.example.com"));
        JsonNode after = HostedUi.json(response);
        String base = Stack.get().issuerBaseUrl() + "/domain/" + domain;
        assertEquals(base + "/oauth2/authorize", after.path("authorization_endpoint").asText());
        assertEquals(base + "/oauth2/token", after.path("token_endpoint").asText());
        assertEquals(base + "/oauth2/userInfo", after.path("userinfo_endpoint").asText());
        assertEquals(base + "/oauth2/revoke", after.path("revocation_endpoint").asText());
        assertEquals(base + "/logout", after.path("end_session_endpoint").asText());
        assertEquals("S256", after.path("code_challenge_methods_supported").path(0).asText());
        assertNotNull(response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void hostRoutingWhenHostIsTheDomainThenPagesAnswerAtTheRoot() throws Exception {
        // The test stack routes <prefix>.auth.localhost by Host (COGNATE_HOSTED_UI_DOMAIN_SUFFIX). The request is
        // written by hand: java.net.http sends no Host header of the caller's choosing.
        HostedUi.App app = HostedUi.app(CALLBACK, b -> {
        });
        URI base = URI.create(Stack.get().issuerBaseUrl());
        String query = URI.create(app.authorizeUrl(Map.of("scope", "openid"))).getRawQuery();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET /oauth2/authorize?" + query + " HTTP/1.1\r\nHost: " + app.domain()
                    + ".auth.localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 302"), answer);
            assertTrue(answer.contains("\r\nLocation: /login?"), "the pages are at the domain's root: " + answer);
        }
    }

    @Test
    void signInPageWhenClientHasNoCognitoProviderThenNoPasswordForm() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> b.supportedIdentityProviders(java.util.List.of()));
        HostedUi.Session browser = new HostedUi.Session();
        HttpResponse<String> page = browser.get(HostedUi.location(browser.get(app.authorizeUrl(Map.of("scope",
                "openid")))));
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("name=\"password\""), "no password form without COGNITO");
    }

    @Test
    void endpointsWhenRequestMalformedThenFourHundredsNeverAServerError() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> {
        });
        HostedUi.Session browser = new HostedUi.Session();
        HttpResponse<String> json = browser.send(HttpRequest.newBuilder(URI.create(app.base() + "/oauth2/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")));
        assertTrue(json.statusCode() >= 400 && json.statusCode() < 500, "token endpoint, JSON body: " + json.statusCode());
        HttpResponse<String> garbage = browser.send(HttpRequest.newBuilder(URI.create(app.base() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("%%%&&&===")));
        assertTrue(garbage.statusCode() >= 400 && garbage.statusCode() < 500, "malformed form: " + garbage.statusCode());
        HttpResponse<String> basic = browser.send(HttpRequest.newBuilder(URI.create(app.base() + "/oauth2/token"))
                .header("Authorization", "Basic !!!not-base64").header("Content-Type",
                        "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials")));
        assertEquals(400, basic.statusCode());
        HttpResponse<String> unknownDomain = browser.get(Stack.get().issuerBaseUrl()
                + "/domain/no-such-domain/oauth2/authorize?client_id=x");
        assertTrue(unknownDomain.statusCode() >= 400 && unknownDomain.statusCode() < 500);
        HttpResponse<String> hugeClient = browser.get(app.base() + "/oauth2/authorize?client_id=" + "c".repeat(5000));
        assertTrue(hugeClient.statusCode() >= 300 && hugeClient.statusCode() < 500, "" + hugeClient.statusCode());
        HttpResponse<String> userInfo = browser.send(HttpRequest.newBuilder(URI.create(app.base()
                + "/oauth2/userInfo")).header("Authorization", "Bearer not.a.token"));
        assertEquals(401, userInfo.statusCode());
    }

    /** What the OAuth fuzzer (reliability/OAuthFuzzCheck) found answered with 500s or never answered. */
    @Test
    void endpointsWhenFuzzedInputThenFourHundredsAtOnce() {
        HostedUi.App app = HostedUi.app(CALLBACK, b -> {
        });
        HostedUi.Session browser = new HostedUi.Session();
        // A form with a broken percent escape: it used to hang the SAML endpoints and 500 the OAuth answer's form_post.
        for (String path : new String[] { "/saml2/idpresponse", "/saml2/logout", "/oauth2/idpresponse" }) {
            HttpResponse<String> broken = browser.send(HttpRequest.newBuilder(URI.create(app.base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("RelayState=a%zz&SAMLResponse=%")));
            assertEquals(400, broken.statusCode(), path);
        }
        // U+0000 in the domain or the client id: PostgreSQL cannot hold it, so neither is looked up.
        HttpResponse<String> nulDomain = browser.get(app.base() + "%00/oauth2/authorize?client_id=" + app.clientId());
        assertTrue(nulDomain.statusCode() >= 400 && nulDomain.statusCode() < 500, "" + nulDomain.statusCode());
        HttpResponse<String> nulClient = browser.get(app.base() + "/forgotPassword?client_id=%00&redirect_uri="
                + CALLBACK);
        assertTrue(nulClient.statusCode() >= 400 && nulClient.statusCode() < 500, "" + nulClient.statusCode());
        // An idp_identifier no provider of the pool has: the client's error, not a server error.
        String error = error(browser, app, Map.of("idp_identifier", "no-such-provider"));
        assertEquals("invalid_request", error);
    }

    /** The error the authorize endpoint sends to the redirect URI for {@code extra}. */
    private static String error(HostedUi.Session browser, HostedUi.App app, Map<String, String> extra) {
        String location = HostedUi.location(browser.get(app.authorizeUrl(extra)));
        assertTrue(location.startsWith(CALLBACK), location);
        return HostedUi.parameter(location, "error");
    }
}
