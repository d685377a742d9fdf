package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.HostedUi;
import io.cognate.it.support.Jwt;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.Tokens;

import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;

/**
 * The token endpoint's client_credentials grant: a token for the client itself (its custom scopes, Cognito's ten
 * claims, no refresh token), with client_secret_basic or client_secret_post; and its refusals, as RFC 6749 §5.2
 * errors.
 */
class ClientCredentialsTest {

    /** A pool with a domain, a resource server with two scopes, and a machine client allowed both. */
    static HostedUi.App machine() {
        return machine(b -> {
        });
    }

    /** {@link #machine()} in a pool that {@code customize} changes. */
    static HostedUi.App machine(Consumer<CreateUserPoolRequest.Builder> customize) {
        String poolId = TestPools.createPool(customize);
        String domain = HostedUi.domain(poolId);
        Cognito.admin().createResourceServer(b -> b.userPoolId(poolId).identifier("orders").name("Orders")
                .scopes(scope("read"), scope("write"), scope("audit")));
        var client = TestPools.client(poolId, b -> b.generateSecret(true).allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthScopes("orders/read", "orders/write"));
        return new HostedUi.App(poolId, domain, client.clientId(), client.clientSecret(), null);
    }

    private static ResourceServerScopeType scope(String name) {
        return ResourceServerScopeType.builder().scopeName(name).scopeDescription(name).build();
    }

    @Test
    void clientCredentialsWhenBasicAuthThenAccessTokenWithAllCustomScopesAndNoRefreshToken() throws Exception {
        HostedUi.App app = machine();
        HttpResponse<String> response = HostedUi.token(app, Map.of("grant_type", "client_credentials"));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = HostedUi.json(response);
        assertEquals("Bearer", body.path("token_type").asText());
        assertEquals(3600, body.path("expires_in").asInt());
        assertFalse(body.has("refresh_token"));
        assertFalse(body.has("id_token"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));

        String accessToken = body.path("access_token").asText();
        Tokens.verifyClientToken(app.poolId(), accessToken);
        JsonNode claims = Jwt.claims(accessToken);
        Set<String> names = new TreeSet<>();
        claims.fieldNames().forEachRemaining(names::add);
        assertEquals(new TreeSet<>(List.of("sub", "token_use", "scope", "auth_time", "iss", "exp", "iat", "version",
                "jti", "client_id")), names);
        assertEquals(app.clientId(), claims.path("sub").asText());
        assertEquals("orders/read orders/write", claims.path("scope").asText());
        assertEquals(2, claims.path("version").asInt());
    }

    @Test
    void clientCredentialsWhenPostAuthAndOneScopeAskedThenThatScopeOnly() {
        HostedUi.App app = machine();
        HttpResponse<String> response = HostedUi.token(new HostedUi.App(app.poolId(), app.domain(), app.clientId(),
                null, null),
                Map.of("grant_type", "client_credentials", "client_id", app.clientId(), "client_secret",
                        app.secret(), "scope", "orders/read"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("orders/read", Jwt.claims(HostedUi.json(response).path("access_token").asText()).path("scope")
                .asText());
    }

    @Test
    void clientCredentialsWhenScopeNotAllowedOrSecretWrongOrClientUnknownThenOAuthErrors() {
        HostedUi.App app = machine();
        expectError(HostedUi.token(app, Map.of("grant_type", "client_credentials", "scope", "orders/delete")),
                "invalid_scope");
        HostedUi.App wrongSecret = new HostedUi.App(app.poolId(), app.domain(), app.clientId(), "not-the-secret", null);
        expectError(HostedUi.token(wrongSecret, Map.of("grant_type", "client_credentials")), "invalid_client");
        HostedUi.App unknown = new HostedUi.App(app.poolId(), app.domain(), "nosuchclient", "secret", null);
        expectError(HostedUi.token(unknown, Map.of("grant_type", "client_credentials")), "invalid_client");
        expectError(HostedUi.token(app, Map.of("grant_type", "password")), "unsupported_grant_type");
        expectError(HostedUi.token(app, Map.of()), "invalid_request");
    }

    @Test
    void clientCredentialsWhenClientIsForUsersThenInvalidGrant() {
        HostedUi.App app = HostedUi.app("https://app.example.com/callback", b -> b.generateSecret(true));
        expectError(HostedUi.token(app, Map.of("grant_type", "client_credentials")), "invalid_grant");
    }

    @Test
    void tokenEndpointWhenBrowserPreflightsThenCorsAllowsAnyOrigin() {
        HostedUi.App app = machine();
        HttpResponse<String> preflight = new HostedUi.Session().send(HttpRequest.newBuilder(URI.create(app.base()
                + "/oauth2/token")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://spa.example.com").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type"));
        assertTrue(preflight.statusCode() < 300, "preflight answered " + preflight.statusCode());
        assertEquals("https://spa.example.com", preflight.headers().firstValue("Access-Control-Allow-Origin")
                .orElse(""));
    }

    static void expectError(HttpResponse<String> response, String error) {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(error, HostedUi.json(response).path("error").asText(), response.body());
    }
}
