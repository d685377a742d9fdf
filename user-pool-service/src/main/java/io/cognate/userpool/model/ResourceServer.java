package io.cognate.userpool.model;

import java.util.List;

/** A resource server of a pool: its identifier (the prefix of its scopes), name, and custom scopes. */
public record ResourceServer(String identifier, String name, List<Scope> scopes) {

    /** A custom scope, {@code <identifier>/<name>} in tokens. */
    public record Scope(String name, String description) {
    }

    /** The scopes as tokens name them. */
    public List<String> fullScopeNames() {
        return scopes.stream().map(scope -> identifier + "/" + scope.name()).toList();
    }
}
