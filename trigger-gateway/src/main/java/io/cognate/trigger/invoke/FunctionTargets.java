package io.cognate.trigger.invoke;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.trigger.config.TriggerConfig;

/**
 * Where a function ARN's handler answers the Lambda Invoke API: the URL configured for the ARN or its function name,
 * else the URL template with the name in it. LambdaConfig holds ARNs (Cognito accepts nothing else), so this map is
 * what points a pool's triggers at handlers running outside AWS.
 */
@ApplicationScoped
public class FunctionTargets {
    /** {@code arn:<partition>:lambda:<region>:<account>:function:<name>[:<version or alias>]}. */
    private static final Pattern FUNCTION_ARN = Pattern
            .compile("arn:[\\w-]+:lambda:[\\w-]*:\\d*:function:([A-Za-z0-9_-]{1,64})(?::[A-Za-z0-9$_-]{1,128})?");

    /** The target that leaves a function to the user's own Kafka consumer (custom senders only). */
    static final String KAFKA = "kafka";

    private final String urlTemplate;
    private final Map<String, URI> mapped = new HashMap<>();
    private final Set<String> consumed = new HashSet<>();

    public FunctionTargets(TriggerConfig config) {
        this.urlTemplate = config.urlTemplate();
        // A template that cannot make a URL is a configuration error: refuse to start rather than fail every trigger.
        URI.create(urlTemplate.replace("{function}", "function"));
        for (String entry : config.functions().orElse(List.of())) {
            int separator = entry.indexOf('=');
            if (separator <= 0) {
                throw new IllegalArgumentException("cognate.triggers.functions: expected <name or ARN>=<URL or kafka>,"
                        + " got " + entry);
            }
            String function = entry.substring(0, separator).strip();
            String target = entry.substring(separator + 1).strip();
            if (target.equals(KAFKA)) {
                consumed.add(function);
            } else {
                mapped.put(function, URI.create(target));
            }
        }
    }

    /**
     * The Invoke API URL of the function, empty when the ARN names no Lambda function, or one that the user's own
     * consumer runs from Kafka.
     */
    public Optional<URI> of(String functionArn) {
        URI exact = mapped.get(functionArn);
        if (exact != null) {
            return Optional.of(exact);
        }
        String name = name(functionArn);
        if (name == null || consumedByUser(functionArn)) {
            return Optional.empty();
        }
        URI byName = mapped.get(name);
        return Optional.of(byName != null ? byName : URI.create(urlTemplate.replace("{function}", name)));
    }

    /** Whether the function (a custom sender) is mapped to {@code kafka}: its events are for the user's consumer. */
    public boolean consumedByUser(String functionArn) {
        return consumed.contains(functionArn) || !mapped.containsKey(functionArn) && consumed.contains(name(functionArn));
    }

    /** The function name in a Lambda function ARN, or null when it is none. */
    private static String name(String functionArn) {
        Matcher arn = FUNCTION_ARN.matcher(functionArn);
        return arn.matches() ? arn.group(1) : null;
    }
}
