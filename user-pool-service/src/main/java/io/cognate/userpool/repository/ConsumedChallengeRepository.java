package io.cognate.userpool.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Records answered challenges so that a Session or SRP secret block can be used once, on any replica. */
@ApplicationScoped
public class ConsumedChallengeRepository {

    public Uni<Boolean> isConsumed(String challengeId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select count(*) from consumed_challenge where id = :id",
                Long.class).setParameter("id", challengeId).getSingleResult()).map(count -> count > 0);
    }

    /** True when this call consumed the challenge; false when it had been consumed already. */
    public Uni<Boolean> consume(String challengeId, Instant expiresAt) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into consumed_challenge (id, expires_at) values (:id, :exp) "
                        + "on conflict do nothing").setParameter("id", challengeId).setParameter("exp", expiresAt)
                        .executeUpdate())
                .map(rows -> rows == 1);
    }
}
