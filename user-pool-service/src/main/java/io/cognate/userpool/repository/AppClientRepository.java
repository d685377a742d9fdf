package io.cognate.userpool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

/** App clients; every query names the pool, except the lookup by client id that public flows start from. */
@ApplicationScoped
public class AppClientRepository extends Repository<AppClientEntity> {

    public AppClientRepository() {
        super(AppClientEntity.class);
    }

    public Uni<AppClientEntity> find(String poolId, String clientId) {
        return first("pool_id = $1 and client_id = $2", poolId, clientId);
    }

    public Uni<List<AppClientEntity>> page(String poolId, String afterId, int limit) {
        if (afterId == null) {
            return list("pool_id = $1 order by client_id limit $2", poolId, limit);
        }
        return list("pool_id = $1 and client_id > $2 order by client_id limit $3", poolId, afterId, limit);
    }

    public Uni<Long> delete(String poolId, String clientId) {
        return deleteWhere("pool_id = $1 and client_id = $2", poolId, clientId);
    }
}
