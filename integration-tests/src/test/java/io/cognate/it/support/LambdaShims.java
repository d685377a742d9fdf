package io.cognate.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The test stack's Lambda handlers, unmodified user code ({@code src/test/lambda}), hosted by the project's own
 * Invoke API shims ({@code deploy/lambda}) on the ports trigger-gateway's test profile points at: the Node shim on
 * COGNATE_LAMBDA_SHIM_PORT with every Node function by name, the Python shim on COGNATE_LAMBDA_PY_SHIM_PORT with
 * {@code py-handler}, the Java shim on COGNATE_LAMBDA_JAVA_SHIM_PORT with {@code java-handler} ({@code handlers}). Started once
 * per test run, stopped when the JVM exits.
 */
public final class LambdaShims {
    /** The Node functions: name = handler file[#export]. */
    private static final List<String> NODE_FUNCTIONS = List.of("pre-signup=node/pre-signup.mjs",
            "pre-authentication=node/pre-authentication.mjs", "record=node/record.mjs",
            "pre-token-v1=node/pre-token-v1.mjs", "pre-token-v2=node/pre-token-v2.mjs",
            "pre-token-v3=node/pre-token-v3.mjs",
            "faulty-empty=node/faulty.mjs#empty", "faulty-wrong-type=node/faulty.mjs#wrongType",
            "faulty-silent=node/faulty.mjs#silent", "define-auth-challenge=node/define-auth-challenge.mjs",
            "create-auth-challenge=node/create-auth-challenge.mjs",
            "verify-auth-challenge=node/verify-auth-challenge.mjs", "custom-message=node/custom-message.mjs",
            "faulty-no-code=node/faulty.mjs#noCode", "user-migration=node/user-migration.mjs",
            "inbound-federation=node/inbound-federation.mjs",
            // With the Node clients' libraries (the AWS Encryption SDK, nodemailer).
            "custom-email-sender=" + NodeScripts.DIR.resolve("custom-email-sender.mjs"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean started;

    private LambdaShims() {
    }

    /** Starts the shims (once); a handler's function ARN is {@link #arn}. */
    public static synchronized void start() {
        if (started) {
            return;
        }
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        Path lambda = root.resolve("integration-tests/src/test/lambda");
        List<String> node = new ArrayList<>(List.of("node", root.resolve("deploy/lambda/invoke-shim.mjs").toString(),
                "--port", String.valueOf(nodePort()), "--timeout", "30"));
        node.addAll(NODE_FUNCTIONS);
        List<String> python = List.of("python3", root.resolve("deploy/lambda/invoke_shim.py").toString(), "--port",
                String.valueOf(pythonPort()), "--name", "py-handler", "python/pre_signup.py");
        // The Java handler on the tests' own classpath (it holds the handler, aws-lambda-java-events and Jackson).
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classpath, root.resolve("deploy/lambda/InvokeShim.java").toString(), "--port",
                String.valueOf(port("COGNATE_LAMBDA_JAVA_SHIM_PORT")), "--name", "java-handler",
                "io.cognate.it.handlers.JavaPreSignUp");
        NodeScripts.install();
        List<Process> processes = List.of(launch(node, lambda, CustomSenders.handlerEnvironment()),
                launch(python, lambda, Map.of()), launch(java, lambda, Map.of()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(Process::destroy)));
        awaitListening(nodePort());
        awaitListening(pythonPort());
        awaitListening(port("COGNATE_LAMBDA_JAVA_SHIM_PORT"));
        started = true;
    }

    public static String arn(String function) {
        return "arn:aws:lambda:us-east-1:123456789012:function:" + function;
    }

    /** The events the Node shim's function received, oldest first (the last 100). */
    public static List<JsonNode> events(String function) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + nodePort() + "/_shim/invocations/" + function)).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<JsonNode> events = new ArrayList<>();
            JSON.readTree(response.body()).forEach(events::add);
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The events of {@code function} for one pool. */
    public static List<JsonNode> events(String function, String poolId) {
        return events(function).stream().filter(event -> poolId.equals(event.path("userPoolId").asText())).toList();
    }

    private static int nodePort() {
        return port("COGNATE_LAMBDA_SHIM_PORT");
    }

    private static int pythonPort() {
        return port("COGNATE_LAMBDA_PY_SHIM_PORT");
    }

    private static int port(String key) {
        return Integer.parseInt(Stack.get().value(key));
    }

    private static Process launch(List<String> command, Path directory, Map<String, String> environment) {
        try {
            Path log = Files.createTempFile("lambda-shim", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitListening(int port) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
        throw new IllegalStateException("no Lambda shim is listening on port " + port);
    }
}
