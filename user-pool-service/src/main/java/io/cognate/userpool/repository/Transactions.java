package io.cognate.userpool.repository;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Sessions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Where a flow's work runs: in a database session, or in a transaction (which joins one already open). The flows ask
 * for it here rather than calling {@link Sessions}, so their unit tests can run them without a database.
 */
@ApplicationScoped
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
