package io.cognate.it.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The custom sender triggers seen from outside: the KMS key the tests' pools encrypt codes under, the events on the
 * custom sender topic (read as a user's own Kafka consumer reads them), and their codes decrypted by the AWS
 * Encryption SDK for JavaScript through Cognate's KMS-compatible Decrypt ({@code decrypt-code.mjs}).
 */
public final class CustomSenders {
    public static final String TOPIC = "cognate.triggers.custom-sender";
    public static final String KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

    private CustomSenders() {
    }

    /** The environment of a handler that decrypts codes: KMS at Cognate, the deployment's credentials, the key. */
    public static Map<String, String> handlerEnvironment() {
        Stack stack = Stack.get();
        return Map.of("AWS_ENDPOINT_URL_KMS", stack.userPoolEndpoint().toString(), "AWS_ACCESS_KEY_ID",
                stack.adminAccessKeyId(), "AWS_SECRET_ACCESS_KEY", stack.adminSecretAccessKey(), "AWS_REGION",
                stack.region(), "KEY_ARN", KEY_ARN, "SMTP_HOST", "127.0.0.1", "SMTP_PORT",
                stack.value("COGNATE_SMTP_PORT"));
    }

    /** The {@code n}th custom sender event (1-based) of the pool, waiting up to 15 s for it. */
    public static JsonNode awaitEvent(String userPoolId, int n) {
        List<UserEvents.Event> events = UserEvents.awaitKey(TOPIC, userPoolId, found -> found.size() >= n,
                Duration.ofSeconds(15));
        if (events.size() < n) {
            throw new AssertionError("only " + events.size() + " custom sender events of " + userPoolId);
        }
        return events.get(n - 1).cloudEvent();
    }

    /** What {@code decrypt-code.mjs} makes of an encrypted code: {@code {"code", "suiteId"}} or {@code {"error"}}. */
    public static JsonNode decrypt(String encryptedCode) {
        NodeScripts.install();
        return NodeScripts.run("decrypt-code.mjs", List.of(), handlerEnvironment(), encryptedCode);
    }
}
