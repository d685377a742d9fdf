package io.cognate.token.service;

import java.util.Optional;

/** The token_use claim, and the words Cognito uses when a token of that kind is refused. */
public enum TokenUse {
    ACCESS("access", "Access Token"),
    ID("id", "Id Token");

    private final String claim;
    private final String noun;

    TokenUse(String claim, String noun) {
        this.claim = claim;
        this.noun = noun;
    }

    /** Empty means "access", the token every Cognito API that takes a token expects. */
    public static Optional<TokenUse> parse(String value) {
        if (value == null || value.isEmpty() || value.equals(ACCESS.claim)) {
            return Optional.of(ACCESS);
        }
        return value.equals(ID.claim) ? Optional.of(ID) : Optional.empty();
    }

    public String claim() {
        return claim;
    }

    public String invalid() {
        return "Invalid " + noun;
    }

    public String expired() {
        return noun + " has expired";
    }

    public String revoked() {
        return noun + " has been revoked";
    }
}
