package io.cognate.userpool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UserPoolRepository extends Repository<UserPoolEntity> {

    public UserPoolRepository() {
        super(UserPoolEntity.class);
    }

    /** One page of pools ordered by id, starting after {@code afterId} (null for the first page). */
    public Uni<List<UserPoolEntity>> page(String afterId, int limit) {
        if (afterId == null) {
            return list("true order by id limit $1", limit);
        }
        return list("id > $1 order by id limit $2", afterId, limit);
    }
}
