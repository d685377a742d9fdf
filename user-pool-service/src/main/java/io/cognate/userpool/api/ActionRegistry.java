package io.cognate.userpool.api;

import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** Every action this service answers, by its X-Amz-Target name, with how Cognito authorizes it. */
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
    public void iam(String name, CognitoAction action) {
        put(name, new Registered(action, Authorization.IAM));
    }

    /** An action the public calls unsigned, authorized by its client id, token or session. */
    public void open(String name, CognitoAction action) {
        put(name, new Registered(action, Authorization.PUBLIC));
    }

    public Registered find(String name) {
        return actions.get(name);
    }

    private void put(String name, Registered registered) {
        if (actions.putIfAbsent(name, registered) != null) {
            throw new IllegalStateException("action registered twice: " + name);
        }
    }
}
