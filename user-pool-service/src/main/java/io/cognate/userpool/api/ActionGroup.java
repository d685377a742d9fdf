package io.cognate.userpool.api;

/** A bean that contributes a family of actions (pools, clients, users, ...) to the {@link ActionRegistry}. */
public interface ActionGroup {
    void register(ActionRegistry registry);
}
