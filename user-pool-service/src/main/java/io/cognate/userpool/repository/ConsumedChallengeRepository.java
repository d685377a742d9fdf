package io.cognate.userpool.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.RowType;
import io.cognate.database.rows.Sessions;
import io.smallrye.mutiny.Uni;

/** Records answered challenges so that a Session or SRP secret block can be used once, on any replica. */
@ApplicationScoped
public class ConsumedChallengeRepository {

    public Uni<Boolean> isConsumed(String challengeId) {
        return Sessions.current().execute("select count(*) from consumed_challenge where id = $1",
                RowType.tuple(challengeId)).map(rows -> rows.iterator().next().getLong(0) > 0);
    }

    /** True when this call consumed the challenge; false when it had been consumed already. */
    public Uni<Boolean> consume(String challengeId, Instant expiresAt) {
        return Sessions.current().execute("insert into consumed_challenge (id, expires_at) values ($1, $2) "
                + "on conflict do nothing", RowType.tuple(challengeId, expiresAt)).map(rows -> rows.rowCount() == 1);
    }
}
