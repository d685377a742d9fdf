package io.cognate.userpool.repository;

import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Records a failed sign-in: the lockout count (from the fifth failure in a row, locked for 2^(n-5) s up to 15
 * minutes, the count restarting after 15 quiet minutes, as Cognito documents) and a SignInFailed event, in one
 * transaction on a connection of its own. The caller does not wait for it, and it starts only once the refusal has
 * been answered ({@link #AFTER_ANSWER}): so a wrong password's answer, and the request after it, cost what an unknown
 * user's do (PreventUserExistenceErrors), even on one busy core. One statement counts concurrent failures on any
 * replica exactly. A failed write is retried a few times, then logged, and the attempt goes uncounted.
 */
@ApplicationScoped
public class FailedSignIns {
    private static final Logger LOG = Logger.getLogger(FailedSignIns.class);
    private static final String COUNT = "(case when last_failed_sign_in_at is null or last_failed_sign_in_at < now() "
            + "- interval '15 minutes' then 1 else failed_sign_ins + 1 end)";
    private static final String LOCKOUT = "update pool_user set failed_sign_ins = " + COUNT
            + ", last_failed_sign_in_at = now(), locked_until = case when " + COUNT + " >= 5 then now() + "
            + "least(power(2, " + COUNT + " - 5), 900) * interval '1 second' else locked_until end "
            + "where pool_id = $1 and sub = $2";

    /** Past the refusal floor (15 ms), by when the refusal has been answered. */
    private static final long AFTER_ANSWER = 20;
    private static final int ATTEMPTS = 5;
    private static final long RETRY_AFTER = 1_000;

    private final Pool pool;
    private final Vertx vertx;

    public FailedSignIns(Pool pool, Vertx vertx) {
        this.pool = pool;
        this.vertx = vertx;
    }

    /** Schedules the recording of the failure, with its SignInFailed event, and returns at once. */
    public void record(UserEntity user, OutboxEventEntity event) {
        vertx.setTimer(AFTER_ANSWER, timer -> write(user, event, 1));
    }

    /**
     * The transaction, tried up to {@link #ATTEMPTS} times a second apart: an uncounted failure would be a guess the
     * lockout never saw. (Should a commit succeed unacknowledged, the retry counts the failure twice: the safe side.)
     */
    private void write(UserEntity user, OutboxEventEntity event, int attempt) {
        pool.withTransaction(connection -> connection.preparedQuery(LOCKOUT).execute(Tuple.of(user.poolId, user.sub))
                .chain(() -> connection.preparedQuery("insert into outbox_event (topic, event_key, payload, "
                        + "created_at, trace_parent) values ($1, $2, $3, $4, $5)").execute(Tuple.of(event.topic,
                                event.eventKey, event.payload, event.createdAt.atOffset(ZoneOffset.UTC),
                                event.traceParent))))
                .subscribe().with(done -> {
                }, failure -> {
                    if (attempt < ATTEMPTS) {
                        vertx.setTimer(RETRY_AFTER, timer -> write(user, event, attempt + 1));
                    } else {
                        LOG.warnf("a failed sign-in could not be recorded (%d attempts): %s", ATTEMPTS,
                                failure.getClass().getSimpleName());
                    }
                });
    }
}
