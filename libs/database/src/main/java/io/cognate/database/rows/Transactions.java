package io.cognate.database.rows;

import java.util.function.Supplier;

import jakarta.inject.Singleton;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Where a service's work runs: in a database session, or in a transaction (which joins one already open). The
 * services ask for it here, a bean, rather than calling {@link Sessions}, so their unit tests can run flows without a
 * database by a subclass that runs the work as it is.
 */
@Singleton
public class Transactions {
    private final Pool pool;

    public Transactions(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> session(Supplier<Uni<T>> work) {
        return Sessions.session(pool, work);
    }

    /** {@code work} in a transaction, begun when the answer is subscribed to. */
    public <T> Uni<T> transaction(Supplier<Uni<T>> work) {
        return Sessions.transaction(pool, work);
    }
}
