package io.cognate.trigger.functions;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.trigger.config.TriggerConfig;

/**
 * Where a function ARN's handler runs: the target mapped to the ARN, else to its function name — through the admin
 * API ({@link MappedFunctions}) before configuration — else the URL template with the name in it. LambdaConfig holds
 * ARNs (Cognito accepts nothing else), so this map is what points a pool's triggers at handlers running outside AWS.
 */
@ApplicationScoped
public class FunctionTargets {
    /** {@code arn:<partition>:lambda:<region>:<account>:function:<name>[:<version or alias>]}. */
    private static final Pattern FUNCTION_ARN = Pattern
            .compile("arn:[\\w-]+:lambda:[\\w-]*:\\d*:function:([A-Za-z0-9_-]{1,64})(?::[A-Za-z0-9$_-]{1,128})?");
    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Where a mapping comes from. */
    public enum Source {
        CONFIGURATION,
        API
    }

    /** One mapping: a function name or ARN, its target, where the mapping comes from. */
    public record Mapping(String function, FunctionTarget target, Source source) {
    }

    private final String urlTemplate;
    private final Map<String, FunctionTarget> configured = new HashMap<>();
    private final MappedFunctions api;

    public FunctionTargets(TriggerConfig config, MappedFunctions api) {
        this.urlTemplate = config.urlTemplate();
        this.api = api;
        // A template that cannot make a URL is a configuration error: refuse to start rather than fail every trigger.
        URI.create(urlTemplate.replace("{function}", "function"));
        for (String entry : config.functions().orElse(List.of())) {
            int separator = entry.indexOf('=');
            if (separator <= 0) {
                throw new IllegalArgumentException("cognate.triggers.functions: expected <name or ARN>=<URL or kafka>,"
                        + " got " + entry);
            }
            configured.put(entry.substring(0, separator).strip(),
                    FunctionTarget.parse(entry.substring(separator + 1).strip()));
        }
    }

    /** Where the function's handler runs; empty when the ARN names no Lambda function and nothing maps it. */
    public Optional<FunctionTarget> of(String functionArn) {
        Optional<FunctionTarget> exact = mapping(functionArn);
        if (exact.isPresent()) {
            return exact;
        }
        String name = name(functionArn);
        if (name == null) {
            return Optional.empty();
        }
        return mapping(name).or(() -> Optional.of(new FunctionTarget.InvokeApi(URI.create(defaultTarget(name)))));
    }

    /** Whether the function's events are for the user's own Kafka consumer. */
    public boolean consumedByUser(String functionArn) {
        return of(functionArn).filter(FunctionTarget.Kafka.class::isInstance).isPresent();
    }

    /** The Invoke API URL of a function nothing maps: the template with its name. */
    public String defaultTarget(String name) {
        return urlTemplate.replace("{function}", name);
    }

    /** Every mapping, the admin API's first, then the configured ones that it does not override. */
    public List<Mapping> all() {
        List<Mapping> all = new ArrayList<>();
        Map<String, FunctionTarget> set = api.all();
        set.forEach((function, target) -> all.add(new Mapping(function, target, Source.API)));
        new TreeMap<>(configured).forEach((function, target) -> {
            if (!set.containsKey(function)) {
                all.add(new Mapping(function, target, Source.CONFIGURATION));
            }
        });
        return all;
    }

    /** Whether a mapping's key is a function name or a Lambda function ARN, as a mapping needs. */
    public static boolean isFunction(String function) {
        return FUNCTION_NAME.matcher(function).matches() || FUNCTION_ARN.matcher(function).matches();
    }

    private Optional<FunctionTarget> mapping(String function) {
        return api.get(function).or(() -> Optional.ofNullable(configured.get(function)));
    }

    /** The function name in a Lambda function ARN, or null when it is none. */
    private static String name(String functionArn) {
        Matcher arn = FUNCTION_ARN.matcher(functionArn);
        return arn.matches() ? arn.group(1) : null;
    }
}
