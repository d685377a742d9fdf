package io.cognate.token.repository;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.cognate.database.OneReplica;
import io.cognate.token.config.CognateConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Deletes the refresh-token families no token can need any more: a day past their expiry or their revocation, the
 * longest an access or ID token minted from them lives (Cognito's maximum validity), so neither a refresh nor an
 * introspection can ask for them; and authorization codes an hour past their expiry (a replay of one is recognised
 * until then). Without it the tables, and every index on them, grow by one row per sign-in for good. One replica at a time runs
 * it
 * ({@link OneReplica}) each {@code cognate.housekeeping-interval}; deletes go in batches, so no statement holds many row
 * locks or a long transaction.
 */
@ApplicationScoped
public class ExpiredFamilies {
    static final int BATCH = 5_000;
    private static final Logger LOG = Logger.getLogger(ExpiredFamilies.class);
    private static final long LOCK = 0x636f676e6176L;
    private static final String DELETE_FAMILIES = "delete from refresh_token_family where id = any(array(select id "
            + "from refresh_token_family where expires_at < now() - interval '1 day' or revoked_at < now() - "
            + "interval '1 day' limit " + BATCH + "))";
    private static final String DELETE_CODES = "delete from authorization_code where code_hash = any(array(select "
            + "code_hash from authorization_code where expires_at < now() - interval '1 hour' limit " + BATCH + "))";

    private final Pool pool;
    private final AtomicBoolean running = new AtomicBoolean();

    public ExpiredFamilies(Pool pool) {
        this.pool = pool;
    }

    void schedule(@Observes StartupEvent event, Vertx vertx, CognateConfig config) {
        long every = config.housekeepingInterval().toMillis();
        vertx.setPeriodic(every, every, id -> {
            if (running.compareAndSet(false, true)) {
                OneReplica.run(pool, LOCK, () -> purge(DELETE_FAMILIES).chain(() -> purge(DELETE_CODES)))
                        .onTermination().invoke(() -> running.set(false)).subscribe().with(ignored -> {
                        }, failure -> LOG.warnf("purging expired refresh-token families and codes failed: %s",
                                failure.getMessage()));
            }
        });
    }

    /** Deletes batch after batch until one comes back short. @return how many rows were deleted */
    Uni<Long> purge(String deleteBatch) {
        return pool.withConnection(c -> c.query(deleteBatch).execute()).chain(rows -> rows.rowCount() < BATCH
                ? Uni.createFrom().item((long) rows.rowCount())
                : purge(deleteBatch).map(more -> more + rows.rowCount()));
    }
}
