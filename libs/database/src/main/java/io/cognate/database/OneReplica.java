package io.cognate.database;

import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Runs a periodic job on one replica at a time: the one whose transaction holds the job's PostgreSQL advisory lock
 * ({@code pg_try_advisory_xact_lock}) while the job runs on the pool's other connections. The others skip that round.
 * The lock goes with the transaction, so a replica that fails or dies mid-job frees it for the next round.
 */
public final class OneReplica {
    private OneReplica() {
    }

    /**
     * Runs {@code job} unless another replica is running the job of this {@code key}.
     *
     * @return whether this replica ran it
     */
    public static Uni<Boolean> run(Pool pool, long key, Supplier<Uni<?>> job) {
        return pool.withTransaction(connection -> connection.preparedQuery("select pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(key)).map(rows -> rows.iterator().next().getBoolean(0))
                .call(leader -> leader ? job.get() : Uni.createFrom().voidItem()));
    }
}
