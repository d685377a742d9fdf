package io.cognate.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.HostedUi;
import io.cognate.it.support.IdentityPools;
import io.cognate.it.support.RawApi;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;
import io.cognate.it.support.Tokens;

/**
 * The forged-token battery: every class of {@link Forgeries}, and tokens genuine but wrong for the place (an ID
 * token as an access token, another pool's or another client's ID token, a token after global sign-out), against
 * every surface that takes a token: GetUser on each user-pool-service replica, {@code /oauth2/userInfo} on each
 * token-service replica (which asks user-pool-service over gRPC), and identity pools' GetId logins. Each surface is
 * first shown to take the genuine token, so a refusal means the forgery was caught. Target: none accepted, no 5xx.
 */
class ForgedTokensCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Somewhere a token is presented; answers the HTTP status. */
    private record Surface(String name, Function<String, Integer> present) {
    }

    private record Attempt(String surface, String forgery, int status) {
    }

    private record Genuine(String accessToken, String idToken) {
    }

    @Test
    void noForgedTokenIsAcceptedAnywhere() throws Exception {
        // Tokens of the hosted UI's code flow: scope openid for userInfo, aws.cognito.signin.user.admin for GetUser.
        HostedUi.App app = HostedUi.app("https://app.example.com/callback", b -> {
        });
        TestPool pool = app.pool();
        TestUser user = TestUsers.confirmed(pool);
        JsonNode tokens = HostedUi.json(HostedUi.redeem(app, new HostedUi.Session().code(app.authorizeUrl(Map.of(
                "scope", "openid aws.cognito.signin.user.admin")), user.username(), user.password()), null));
        Genuine genuine = new Genuine(tokens.path("access_token").asText(), tokens.path("id_token").asText());
        String identityPool = IdentityPools.pool(pool, false);
        String providerKey = IdentityPools.providerKey(pool.id());
        JsonNode jwk = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(Tokens.jwksUrl(pool.id()))).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("keys").get(0);

        List<Surface> accessSurfaces = List.of(
                new Surface("GetUser, user-pool-service", t -> getUser(Stack.get().userPoolEndpoint(), t)),
                new Surface("GetUser, user-pool-service@2", t -> getUser(Stack.get().secondUserPoolEndpoint(), t)),
                new Surface("/oauth2/userInfo, token-service", t -> userInfo(Stack.get().issuerBaseUrl(), t)),
                new Surface("/oauth2/userInfo, token-service@2", t -> userInfo(Stack.get().secondTokenEndpoint(), t)));
        Surface identity = new Surface("identity pool GetId", t -> getId(identityPool, providerKey, t));

        List<String> evidence = new ArrayList<>();
        List<Attempt> attempts = new ArrayList<>();
        for (Surface surface : accessSurfaces) {
            control(surface, genuine.accessToken(), evidence);
        }
        control(identity, genuine.idToken(), evidence);

        List<Forgeries.Forgery> forgeries = Forgeries.all(jwk);
        for (Forgeries.Forgery forgery : forgeries) {
            String forgedAccess = forgery.forge().apply(genuine.accessToken());
            for (Surface surface : accessSurfaces) {
                attempts.add(new Attempt(surface.name(), forgery.name(), surface.present().apply(forgedAccess)));
            }
            attempts.add(new Attempt(identity.name(), forgery.name(), identity.present().apply(forgery.forge().apply(
                    genuine.idToken()))));
        }
        for (Surface surface : accessSurfaces) {
            attempts.add(new Attempt(surface.name(), "ID token as access token", surface.present().apply(
                    genuine.idToken())));
        }
        attempts.add(new Attempt(identity.name(), "access token as ID token", identity.present().apply(
                genuine.accessToken())));
        TestPool otherPool = TestPools.pool();
        attempts.add(new Attempt(identity.name(), "another pool's ID token", identity.present().apply(SignIn.password(
                otherPool, TestUsers.confirmed(otherPool)).idToken())));
        String otherClient = TestPools.client(pool.id(), b -> {
        }).clientId();
        attempts.add(new Attempt(identity.name(), "another client's ID token", identity.present().apply(
                SignIn.password(otherClient, user.username(), user.password()).idToken())));
        Cognito.anonymous().globalSignOut(b -> b.accessToken(genuine.accessToken()));
        for (Surface surface : accessSurfaces) {
            attempts.add(new Attempt(surface.name(), "genuine token after GlobalSignOut", surface.present().apply(
                    genuine.accessToken())));
        }

        long accepted = attempts.stream().filter(a -> a.status() / 100 == 2).count();
        long serverErrors = attempts.stream().filter(a -> a.status() >= 500 || a.status() < 0).count();
        long classes = attempts.stream().map(Attempt::forgery).distinct().count();
        attempts.forEach(a -> evidence.add(a.status() + "  " + a.surface() + "  <-  " + a.forgery()));
        Report.record("forged tokens", "0 of >= 20 forgery classes accepted on any surface, 0 5xx",
                accepted + " accepted, " + serverErrors + " 5xx or no answer, over " + classes + " classes and "
                        + attempts.size() + " attempts on " + (accessSurfaces.size() + 1) + " surfaces",
                accepted == 0 && serverErrors == 0 && classes >= 20, evidence);
    }

    /** The genuine token must pass, or a refusal of forgeries proves nothing. */
    private static void control(Surface surface, String token, List<String> evidence) {
        int status = surface.present().apply(token);
        evidence.add(status + "  " + surface.name() + "  <-  genuine token (control)");
        if (status != 200) {
            throw new AssertionError(surface.name() + " refused the genuine token (" + status + ")");
        }
    }

    private static int getUser(URI endpoint, String token) {
        return send(HttpRequest.newBuilder(URI.create(endpoint + "/")).header("Content-Type", RawApi.CONTENT_TYPE)
                .header("X-Amz-Target", RawApi.TARGET_PREFIX + "GetUser").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"AccessToken\":" + RawApi.quote(token) + "}")));
    }

    private static int userInfo(String base, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + "/domain/any/oauth2/userInfo")).header("Authorization",
                "Bearer " + token).GET());
    }

    private static int getId(String identityPool, String providerKey, String token) {
        return send(HttpRequest.newBuilder(URI.create(Stack.get().identityPoolEndpoint() + "/")).header("Content-Type",
                RawApi.CONTENT_TYPE).header("X-Amz-Target", "AWSCognitoIdentityService.GetId").POST(
                        HttpRequest.BodyPublishers.ofString("{\"IdentityPoolId\":" + RawApi.quote(identityPool)
                                + ",\"Logins\":{" + RawApi.quote(providerKey) + ":" + RawApi.quote(token) + "}}")));
    }

    /** The status, or -1 when no answer came (a reset connection counts as a failure, like a 5xx). */
    private static int send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
