package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.cognate.it.support.HostedUi;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

/**
 * An off-the-shelf OpenID Connect relying party, unmodified, against the pool's issuer: openid-client (Node) discovers
 * the issuer, signs in through the hosted page in Chromium (code + PKCE, state, nonce), validates the ID token, reads
 * userInfo, refreshes and revokes ({@code src/test/node/oidc-rp.mjs}).
 */
class OidcRelyingPartyTest {
    private static final Path NODE_DIR = Path.of(System.getProperty("user.dir")).resolve("src/test/node");

    @Test
    void openidClientWhenSigningInThroughTheHostedPageThenVerifiedTokensUserInfoRefreshAndRevoke() throws Exception {
        runFor(null);
    }

    @Test
    void openidClientWhenConfidentialClientThenClientSecretBasicWorksToo() throws Exception {
        runFor("secret");
    }

    private static void runFor(String secretKind) throws Exception {
        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        app.start();
        try {
            runFor(secretKind, "http://127.0.0.1:" + app.getAddress().getPort() + "/rp/callback");
        } finally {
            app.stop(0);
        }
    }

    private static void runFor(String secretKind, String callback) throws Exception {
        HostedUi.App app = HostedUi.app(callback, b -> b.generateSecret(secretKind != null));
        TestUser user = TestUsers.confirmed(app.pool());
        ProcessBuilder node = new ProcessBuilder("node", "oidc-rp.mjs").directory(NODE_DIR.toFile());
        Map<String, String> env = node.environment();
        env.put("ISSUER", Stack.get().issuer(app.poolId()));
        env.put("CLIENT_ID", app.clientId());
        if (app.secret() != null) {
            env.put("CLIENT_SECRET", app.secret());
        }
        env.put("REDIRECT_URI", callback);
        env.put("USERNAME", user.username());
        env.put("PASSWORD", user.password());
        Process process = node.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the relying party timed out");
        assertEquals(0, process.exitValue(), () -> "the relying party failed:\n" + output);

        JsonNode result = new ObjectMapper().readTree(output.lines().reduce((first, last) -> last).orElse("{}"));
        assertEquals(user.sub(), result.path("idTokenClaims").path("sub").asText(), output);
        assertEquals(app.clientId(), result.path("idTokenClaims").path("aud").asText());
        assertEquals(user.sub(), result.path("userInfo").path("sub").asText());
        assertEquals(user.email(), result.path("userInfo").path("email").asText());
        assertEquals(user.sub(), result.path("refreshedIdTokenSub").asText());
        assertEquals("invalid_grant", result.path("refreshAfterRevocation").asText(), output);
    }
}
