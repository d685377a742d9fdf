package io.cognate.userpool.api.actions;

import io.cognate.userpool.api.Params;

/** The names most requests consist of, read in the order Cognito's model lists them. */
final class Keys {
    private Keys() {
    }

    record PoolClient(String poolId, String clientId) {
        static PoolClient of(Params p) {
            return new PoolClient(p.userPoolId(), p.clientId());
        }
    }

    record PoolUser(String poolId, String username) {
        static PoolUser of(Params p) {
            return new PoolUser(p.userPoolId(), p.username());
        }
    }

    /** A page of a listing: how many (1 to 60; 60 when not given or 0) and the token where it starts. */
    record Listing(String owner, int limit, String nextToken) {
        static Listing of(String owner, Params p, String limitField, String tokenField) {
            Integer limit = p.optionalInt(limitField, 0, 60);
            return new Listing(owner, limit == null || limit == 0 ? 60 : limit, p.optional(tokenField, 1, 4096));
        }
    }
}
