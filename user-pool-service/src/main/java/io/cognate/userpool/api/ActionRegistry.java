package io.cognate.userpool.api;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/**
 * Every action this service answers, by its X-Amz-Target name, with how Cognito authorizes it. An action is three
 * steps: parse the request into a typed request (every member the request carries read, or the request refused),
 * call the service with it, and write the typed result as the response.
 */
@ApplicationScoped
public class ActionRegistry {

    /** How an action is authorized: with AWS credentials (IAM, SigV4) or by what its body carries. */
    public enum Authorization {
        IAM,
        PUBLIC
    }

    public record Registered(CognitoAction action, Authorization authorization) {
    }

    private final Instance<ActionGroup> groups;
    private final Map<String, Registered> actions = new HashMap<>();

    public ActionRegistry(Instance<ActionGroup> groups) {
        this.groups = groups;
    }

    @PostConstruct
    void collect() {
        groups.forEach(group -> group.register(this));
    }

    /** An action Cognito authorizes with IAM: every Admin*, pool, client and group management action. */
    public <R, T> void iam(String name, Function<Params, R> parse, Function<R, Uni<T>> call,
            Function<T, ObjectNode> write) {
        put(name, action(parse, call, write, result -> false), Authorization.IAM);
    }

    /** An action the public calls unsigned, authorized by its client id, token or session. */
    public <R, T> void open(String name, Function<Params, R> parse, Function<R, Uni<T>> call,
            Function<T, ObjectNode> write) {
        put(name, action(parse, call, write, result -> false), Authorization.PUBLIC);
    }

    /**
     * As {@link #open} or {@link #iam}, and a result that {@code heldToFloor} picks is answered no sooner than the
     * refusal floor ({@link RefusalFloor}): an answer that exists for a name no user has as much as for a real one.
     */
    public <R, T> void withAnswersHeldToFloor(String name, Authorization authorization, Function<Params, R> parse,
            Function<R, Uni<T>> call, Function<T, ObjectNode> write, Predicate<T> heldToFloor) {
        put(name, action(parse, call, write, heldToFloor), authorization);
    }

    public Registered find(String name) {
        return actions.get(name);
    }

    private static <R, T> CognitoAction action(Function<Params, R> parse, Function<R, Uni<T>> call,
            Function<T, ObjectNode> write, Predicate<T> heldToFloor) {
        return (params, arrivedNanos) -> {
            R request = parse.apply(params);
            params.requireAllRead();
            return call.apply(request)
                    .call(result -> heldToFloor.test(result) ? RefusalFloor.answer(arrivedNanos)
                            : Uni.createFrom()
                                    .voidItem())
                    .map(write);
        };
    }

    private void put(String name, CognitoAction action, Authorization authorization) {
        if (actions.putIfAbsent(name, new Registered(action, authorization)) != null) {
            throw new IllegalStateException("action registered twice: " + name);
        }
    }
}
