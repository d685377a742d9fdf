package io.cognate.trigger.invoke;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final String urlTemplate;
    private final Map<String, URI> mapped = new HashMap<>();

    public FunctionTargets(TriggerConfig config) {
        this.urlTemplate = config.urlTemplate();
        // A template that cannot make a URL is a configuration error: refuse to start rather than fail every trigger.
        URI.create(urlTemplate.replace("{function}", "function"));
        for (String entry : config.functions().orElse(List.of())) {
            int separator = entry.indexOf('=');
            if (separator <= 0) {
                throw new IllegalArgumentException("cognate.triggers.functions: expected <name or ARN>=<URL>, got "
                        + entry);
            }
            mapped.put(entry.substring(0, separator).strip(), URI.create(entry.substring(separator + 1).strip()));
        }
    }

    /** The Invoke API URL of the function, empty when the ARN names no Lambda function. */
    public Optional<URI> of(String functionArn) {
        URI exact = mapped.get(functionArn);
        if (exact != null) {
            return Optional.of(exact);
        }
        Matcher arn = FUNCTION_ARN.matcher(functionArn);
        if (!arn.matches()) {
            return Optional.empty();
        }
        String name = arn.group(1);
        URI byName = mapped.get(name);
        return Optional.of(byName != null ? byName : URI.create(urlTemplate.replace("{function}", name)));
    }
}
