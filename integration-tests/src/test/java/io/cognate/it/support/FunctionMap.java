package io.cognate.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * trigger-gateway's function map through Cognate's admin API ({@code X-Amz-Target: CognateTriggerGateway.*}), signed
 * the way the README shows a user: curl's {@code --aws-sigv4} with the stack's admin credentials.
 */
public final class FunctionMap {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FunctionMap() {
    }

    /** An answer: the HTTP status and the JSON body. */
    public record Answer(int status, JsonNode body) {
        public String errorType() {
            return body.path("__type").asText();
        }
    }

    /** Maps a function name or ARN to a target (an Invoke API URL, or {@code kafka}); fails unless it is taken. */
    public static void put(String function, String target) {
        Answer answer = call("PutFunction", JSON.createObjectNode().put("FunctionName", function)
                .put("Target", target), true);
        if (answer.status() != 200) {
            throw new AssertionError("PutFunction " + function + ": " + answer);
        }
    }

    public static Answer call(String action, ObjectNode request, boolean signed) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "30", "-w", "\n%{http_code}",
                "-H", "Content-Type: application/x-amz-json-1.1", "-H", "X-Amz-Target: CognateTriggerGateway." + action,
                "--data-binary", request.toString()));
        if (signed) {
            Stack stack = Stack.get();
            command.addAll(List.of("--aws-sigv4", "aws:amz:" + stack.region() + ":cognito-idp", "--user",
                    stack.adminAccessKeyId() + ":" + stack.adminSecretAccessKey()));
        }
        command.add(Stack.get().userPoolEndpoint() + "/");
        try {
            Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (curl.waitFor() != 0) {
                throw new AssertionError("curl failed: " + output);
            }
            int split = output.lastIndexOf('\n');
            return new Answer(Integer.parseInt(output.substring(split + 1).strip()),
                    JSON.readTree(output.substring(0, split)));
        } catch (IOException e) {
            throw new AssertionError("curl could not run: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
