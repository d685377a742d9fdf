package io.cognate.it.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The AWS CLI, unmodified but for {@code --endpoint-url}, against the test stack. */
public final class AwsCli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsCli() {
    }

    /** What one {@code aws} command printed and how it exited. */
    public record Run(int exit, String stdout, String stderr) {
        public JsonNode json() {
            try {
                return JSON.readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + stdout + stderr, e);
            }
        }
    }

    /** An {@code aws} command against the user pools endpoint with the admin credentials. */
    public static Run admin(String... args) {
        Stack stack = Stack.get();
        return run(stack.userPoolEndpoint(), Map.of("AWS_ACCESS_KEY_ID", stack.adminAccessKeyId(),
                "AWS_SECRET_ACCESS_KEY", stack.adminSecretAccessKey()), args);
    }

    /** An {@code aws} command against {@code endpoint} with these credentials (and session token) in its environment. */
    public static Run run(URI endpoint, Map<String, String> credentials, String... args) {
        Stack stack = Stack.get();
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint.toString(), "--output",
                "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(credentials);
        builder.environment().put("AWS_DEFAULT_REGION", stack.region());
        builder.environment().put("AWS_PAGER", "");
        builder.environment().put("AWS_MAX_ATTEMPTS", "1");
        try {
            Process aws = builder.start();
            aws.getOutputStream().close();
            String stdout = new String(aws.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String stderr = new String(aws.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(aws.waitFor(60, TimeUnit.SECONDS), "aws did not finish");
            return new Run(aws.exitValue(), stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
