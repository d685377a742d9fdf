package io.cognate.token.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/** A pool's signing keys for the JWKS, for signing and for verifying, served from memory whenever possible. */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final SigningKeyCache cache;
    private final SigningKeyStore store;
    private final Vertx vertx;

    public SigningKeys(SigningKeyCache cache, SigningKeyStore store, Vertx vertx) {
        this.cache = cache;
        this.store = store;
        this.vertx = vertx;
    }

    /** The pool's keys; {@link PoolKeys#none} for an unknown pool. Answers from memory while the cache is fresh. */
    public Uni<PoolKeys> of(String userPoolId) {
        return cache.lookup(userPoolId)
                .map(keys -> Uni.createFrom().item(keys))
                .orElseGet(() -> store.load(userPoolId).invoke(cache::put));
    }

    /** Forgets a deleted pool: its keys (here and, within the cache's TTL, on other replicas) and its families. */
    public Uni<Void> deletePool(String userPoolId) {
        return store.deletePool(userPoolId).invoke(() -> cache.invalidate(userPoolId));
    }

    /** The pool's keys with an active signing key, creating the pool's first key if it has none. */
    public Uni<PoolKeys> forSigning(String userPoolId) {
        return of(userPoolId).chain(keys -> {
            if (keys.canSign()) {
                return Uni.createFrom().item(keys);
            }
            // An active key that does not open means the KEK changed: for an operator to fix, not a cause to rotate.
            return keys.activeKid() == null ? create(userPoolId) : Uni.createFrom().failure(unusable(userPoolId));
        });
    }

    private Uni<PoolKeys> create(String userPoolId) {
        // RSA generation blocks for a while; executeBlocking resumes on the caller's context for the database work.
        return vertx.executeBlocking(() -> store.newActiveKey(userPoolId), false)
                .chain(store::insertIfNoActiveKey)
                .invoke(inserted -> {
                    if (inserted) {
                        LOG.infof("created a signing key for user pool %s", userPoolId);
                    }
                })
                .chain(() -> store.load(userPoolId))
                .invoke(cache::put)
                .map(keys -> {
                    if (!keys.canSign()) {
                        throw unusable(userPoolId);
                    }
                    return keys;
                });
    }

    private static TokenException unusable(String userPoolId) {
        return TokenError.SIGNING_KEY_UNAVAILABLE
                .withMessage("the signing key of user pool " + userPoolId + " does not open under the configured KEK");
    }
}
