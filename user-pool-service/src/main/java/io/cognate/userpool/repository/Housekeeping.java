package io.cognate.userpool.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.cognate.database.OneReplica;
import io.cognate.ratelimit.RateWindows;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Deletes records that only mattered until a time now past: answered challenges (their Session has expired), revoked
 * token families (their access tokens have expired), outbox events published more than a day ago and rate
 * counters of past windows. One replica at a time runs it ({@link OneReplica}).
 */
@ApplicationScoped
public class Housekeeping {
    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    private static final long LOCK = 0x636f676e6175L;

    private final Pool pool;

    public Housekeeping(Pool pool) {
        this.pool = pool;
    }

    @Scheduled(every = "${cognate.housekeeping-interval:10m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExpired() {
        return OneReplica.run(pool, LOCK, () -> pool.withConnection(c -> c.query("delete from consumed_challenge "
                + "where expires_at < now()").execute()
                .chain(() -> c.query("delete from revoked_token_family where expires_at < now()").execute())
                .chain(() -> c.query("delete from outbox_event where published_at < now() - interval '1 day'")
                        .execute()))
                .chain(() -> RateWindows.prune(pool)))
                .onFailure().invoke(failure -> LOG.warnf("housekeeping failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
