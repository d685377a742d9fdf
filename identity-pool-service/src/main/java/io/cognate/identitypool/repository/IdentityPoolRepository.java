package io.cognate.identitypool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

/** Identity pools of the deployment's account. */
@ApplicationScoped
public class IdentityPoolRepository extends Repository<IdentityPoolEntity> {

    public IdentityPoolRepository() {
        super(IdentityPoolEntity.class);
    }

    /** A page of pools in id order, after {@code afterId} (null: from the start). */
    public Uni<List<IdentityPoolEntity>> page(String afterId, int limit) {
        if (afterId == null) {
            return list("true order by id limit $1", limit);
        }
        return list("id > $1 order by id limit $2", afterId, limit);
    }

    public Uni<Long> countAll() {
        return countWhere("true");
    }
}
