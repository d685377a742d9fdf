package io.cognate.userpool.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

/** A user's earlier passwords, newest first; every query names the pool. */
@ApplicationScoped
public class PasswordHistoryRepository extends Repository<PasswordHistoryEntity> {

    public PasswordHistoryRepository() {
        super(PasswordHistoryEntity.class);
    }

    public Uni<List<PasswordHistoryEntity>> newest(String poolId, UUID sub, int limit) {
        return list("pool_id = $1 and sub = $2 order by created_at desc limit $3", poolId, sub, limit);
    }

    /** Keeps the newest {@code keep} of the user's earlier passwords. */
    public Uni<Void> trim(String poolId, UUID sub, int keep) {
        return newest(poolId, sub, keep + 50).chain(rows -> {
            Uni<Void> deleted = Uni.createFrom().voidItem();
            for (PasswordHistoryEntity old : rows.subList(Math.min(keep, rows.size()), rows.size())) {
                deleted = deleted.chain(() -> delete(old));
            }
            return deleted;
        });
    }
}
