package io.cognate.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * An off-the-shelf OpenID Connect relying party (openid-client with Chromium, {@code src/test/node/oidc-rp.mjs}) that
 * signs a user in through the hosted page's button for an external identity provider, and the app's callback it
 * comes back to.
 */
public final class RelyingParty {
    private static final Path NODE_DIR = Path.of(System.getProperty("user.dir")).resolve("src/test/node");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RelyingParty() {
    }

    /**
     * The sign-in through the button for {@code provider}, as {@code login} at the provider's own page: the tokens'
     * claims and userInfo ({@code idTokenClaims}, {@code userInfo}), or the error the app got
     * ({@code callbackError}, {@code callbackErrorDescription}).
     */
    public static JsonNode signInThroughIdp(HostedUi.App client, String provider, String login) throws Exception {
        ProcessBuilder node = new ProcessBuilder("node", "oidc-rp.mjs").directory(NODE_DIR.toFile());
        Map<String, String> env = node.environment();
        env.put("ISSUER", Stack.get().issuer(client.poolId()));
        env.put("CLIENT_ID", client.clientId());
        env.put("REDIRECT_URI", client.redirectUri());
        env.put("IDP_NAME", provider);
        env.put("IDP_LOGIN", login);
        Process process = node.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the relying party timed out");
        assertEquals(0, process.exitValue(), () -> "the relying party failed:\n" + output);
        return JSON.readTree(output.lines().reduce((first, last) -> last).orElse("{}"));
    }

    /** Where the relying party's browser lands: the app's callback on the loopback, answering 200. */
    public static HttpServer callbackServer() throws IOException {
        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        app.start();
        return app;
    }

    /** The callback URL of an app served by {@link #callbackServer()}. */
    public static String callback(HttpServer app) {
        return "http://127.0.0.1:" + app.getAddress().getPort() + "/rp/callback";
    }
}
