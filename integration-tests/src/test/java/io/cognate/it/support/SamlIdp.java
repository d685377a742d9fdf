package io.cognate.it.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cognate.crypto.SelfSignedCertificates;

/**
 * A corporate SAML identity provider for a pool: samlify (Node, {@code src/test/node/idp-saml.mjs}) on a free port of
 * the loopback, signing with a key made here, for the pool whose service-provider metadata it is given; and a rogue
 * key of the same entity, for responses the pool must refuse.
 */
public final class SamlIdp implements AutoCloseable {
    private static final Path NODE_DIR = Path.of(System.getProperty("user.dir")).resolve("src/test/node");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final String base;
    private final String metadataUrl;

    private SamlIdp(Process process, String base, String metadataUrl) {
        this.process = process;
        this.base = base;
        this.metadataUrl = metadataUrl;
    }

    /** The IdP for the service provider whose metadata is {@code spMetadata}. */
    public static SamlIdp start(String spMetadata) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        KeyPair keys = rsa();
        KeyPair rogue = rsa();
        ProcessBuilder node = new ProcessBuilder("node", "idp-saml.mjs").directory(NODE_DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        node.environment().putAll(Map.of("PORT", Integer.toString(port), "IDP_KEY", Pem.of("PRIVATE KEY", keys
                .getPrivate().getEncoded()), "IDP_CERT", Pem.of("CERTIFICATE", certificate(keys).getEncoded()),
                "ROGUE_KEY", Pem.of("PRIVATE KEY", rogue.getPrivate().getEncoded()), "ROGUE_CERT", Pem.of("CERTIFICATE",
                        certificate(rogue).getEncoded()),
                "SP_METADATA", spMetadata));
        Process process = node.start();
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (line == null) {
            throw new AssertionError("the SAML identity provider did not start");
        }
        return new SamlIdp(process, "http://127.0.0.1:" + port, JSON.readTree(line).path("metadata").asText());
    }

    public String metadataUrl() {
        return metadataUrl;
    }

    public String base() {
        return base;
    }

    public String metadata() {
        return get(metadataUrl);
    }

    /** A Response signed as the IdP signs them, with {@code overrides} of its values (see idp-saml.mjs). */
    public String response(Map<String, Object> overrides) throws Exception {
        String answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/test/response"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(overrides))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(answer).path("SAMLResponse").asText();
    }

    /** What the IdP received, oldest first. */
    public JsonNode log() throws Exception {
        return JSON.readTree(get(base + "/test/log"));
    }

    private static String get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(KeyPair keys) {
        return SelfSignedCertificates.issue(keys, "test saml idp", Instant.now().minusSeconds(3600), Instant.now()
                .plus(Duration.ofDays(30)));
    }
}
