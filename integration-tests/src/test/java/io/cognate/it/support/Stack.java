package io.cognate.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running stack under test, read once from {@code <state dir>/stack.env} (KEY=VALUE lines, the keys of
 * {@code .build/CONTRACT.md}). The state dir is the system property {@code cognate.state}, which {@code ./cognate test}
 * passes; without it the tests look for the test profile's state dir, {@code ../.cognate/test}.
 */
public final class Stack {

    private static Stack instance;

    private final Map<String, String> env;

    private Stack(Map<String, String> env) {
        this.env = env;
    }

    public static synchronized Stack get() {
        if (instance == null) {
            instance = new Stack(read(stateDir().resolve("stack.env")));
        }
        return instance;
    }

    /**
     * Runs one of the stack's own deploy scripts (e.g. {@code kafka.sh stop}) against this stack's profile, so a
     * test can take a component down and bring it back as an operator would.
     */
    public void deployScript(String script, String... args) {
        Path state = stateDir();
        Path root = state.getParent().getParent();
        List<String> command = new java.util.ArrayList<>(List.of("bash", root.resolve("deploy").resolve(script).toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--profile", state.getFileName().toString()));
        try {
            Path output = Files.createTempFile("cognate-deploy", ".log");
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(180, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(output));
            }
            Files.delete(output);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A file of the stack's state dir, such as {@code kek} (base64 of the current key-encryption key). */
    public String stateFile(String name) {
        try {
            return Files.readString(stateDir().resolve(name)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Cognito IdP JSON API, e.g. {@code http://localhost:18800}. */
    public URI userPoolEndpoint() {
        return URI.create(value("COGNATE_USER_POOL_ENDPOINT"));
    }

    /** The second user-pool-service replica the test stack runs (same database, same keys), for cross-replica tests. */
    public URI secondUserPoolEndpoint() {
        return URI.create(value("COGNATE_USER_POOL_ENDPOINT_2"));
    }

    /** The second token-service replica the test stack runs (same database, same keys), e.g. {@code http://localhost:18805}. */
    public String secondTokenEndpoint() {
        return stripTrailingSlash(value("COGNATE_TOKEN_ENDPOINT_2"));
    }

    /** The base of every pool's issuer; a pool's issuer is {@code issuerBaseUrl() + "/" + poolId}. */
    /** identity-pool-service: the Cognito Identity API, STS, IAM's roles and the authorize API on one endpoint. */
    public URI identityPoolEndpoint() {
        return URI.create(value("COGNATE_IDENTITY_POOL_ENDPOINT"));
    }

    public String issuerBaseUrl() {
        return stripTrailingSlash(value("COGNATE_ISSUER_BASE_URL"));
    }

    public String issuer(String userPoolId) {
        return issuerBaseUrl() + "/" + userPoolId;
    }

    public String adminAccessKeyId() {
        return value("COGNATE_ADMIN_ACCESS_KEY_ID");
    }

    public String adminSecretAccessKey() {
        return value("COGNATE_ADMIN_SECRET_ACCESS_KEY");
    }

    public String region() {
        return env.getOrDefault("COGNATE_REGION", "us-east-1");
    }

    public String kafkaBootstrap() {
        return value("COGNATE_KAFKA_BOOTSTRAP");
    }

    /** Where the federation tests run the OpenID provider that stands in for Google (the stack's Google issuer). */
    public int googleIdpPort() {
        return Integer.parseInt(value("COGNATE_GOOGLE_IDP_PORT"));
    }

    /** Where the federation tests run the stand-ins for Facebook, Login with Amazon and Sign in with Apple. */
    public int socialIdpPort() {
        return Integer.parseInt(value("COGNATE_SOCIAL_IDP_PORT"));
    }

    public int imapPort() {
        return Integer.parseInt(value("COGNATE_IMAP_PORT"));
    }

    /** A connection to one service's database on the stack's PostgreSQL, as deploy/services.sh connects. */
    public Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + value("COGNATE_PG_PORT") + "/" + name,
                "cognate", "cognate");
    }

    /** A line of the stack's stack.env, e.g. COGNATE_LAMBDA_SHIM_PORT. */
    public String value(String key) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("stack.env has no " + key);
        }
        return value;
    }

    /** The services' and the infrastructure's log files ({@code .cognate/<profile>/logs}). */
    public List<Path> logFiles() {
        try (var files = Files.list(stateDir().resolve("logs"))) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path stateDir() {
        String property = System.getProperty("cognate.state");
        if (property == null || property.isBlank() || property.startsWith("${")) {
            property = System.getenv("COGNATE_STATE");
        }
        if (property == null || property.isBlank()) {
            return Path.of("..", ".cognate", "test").toAbsolutePath().normalize();
        }
        return Path.of(property).toAbsolutePath().normalize();
    }

    private static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " does not exist: start the stack (./cognate test does) or pass "
                    + "-Dcognate.state=<state dir>");
        }
        try {
            Map<String, String> env = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                int eq = trimmed.indexOf('=');
                if (trimmed.isEmpty() || trimmed.startsWith("#") || eq < 1) {
                    continue;
                }
                String key = trimmed.substring(0, eq).strip();
                if (key.startsWith("export ")) {
                    key = key.substring("export ".length()).strip();
                }
                env.put(key, unquote(trimmed.substring(eq + 1).strip()));
            }
            return env;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
