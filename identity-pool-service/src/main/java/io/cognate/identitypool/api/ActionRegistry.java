package io.cognate.identitypool.api;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/**
 * The Cognito Identity actions by X-Amz-Target name, each signed (the developer's IAM credentials) or unsigned, as
 * Cognito's model says. An action parses its request into a typed one (every member read, or the request refused),
 * calls the service, and writes the result.
 */
@ApplicationScoped
public class ActionRegistry {
    /** One action: its request in, its response out. */
    @FunctionalInterface
    public interface Action {
        Uni<ObjectNode> handle(Params request);
    }

    /** A bean that contributes a family of actions. */
    public interface Group {
        void register(ActionRegistry registry);
    }

    public record Registered(Action action, boolean signed) {
    }

    private final Instance<Group> groups;
    private final Map<String, Registered> actions = new HashMap<>();

    public ActionRegistry(Instance<Group> groups) {
        this.groups = groups;
    }

    @PostConstruct
    void collect() {
        groups.forEach(group -> group.register(this));
    }

    /** An action that needs SigV4 credentials. */
    public <R, T> void signed(String name, Function<Params, R> parse, Function<R, Uni<T>> call,
            Function<T, ObjectNode> write) {
        put(name, action(parse, call, write), true);
    }

    /** An action the public calls unsigned (GetId, GetCredentialsForIdentity, GetOpenIdToken, UnlinkIdentity). */
    public <R, T> void unsigned(String name, Function<Params, R> parse, Function<R, Uni<T>> call,
            Function<T, ObjectNode> write) {
        put(name, action(parse, call, write), false);
    }

    public Registered find(String name) {
        return actions.get(name);
    }

    private static <R, T> Action action(Function<Params, R> parse, Function<R, Uni<T>> call,
            Function<T, ObjectNode> write) {
        return params -> {
            R request = parse.apply(params);
            params.requireAllRead();
            return call.apply(request).map(write);
        };
    }

    private void put(String name, Action action, boolean signed) {
        if (actions.putIfAbsent(name, new Registered(action, signed)) != null) {
            throw new IllegalStateException("action registered twice: " + name);
        }
    }
}
