package io.cognate.identitypool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

/** IAM roles by name. */
@ApplicationScoped
public class RoleRepository extends Repository<RoleEntity> {

    public RoleRepository() {
        super(RoleEntity.class);
    }

    public Uni<RoleEntity> findByArn(String arn) {
        return first("arn = $1", arn);
    }

    public Uni<List<RoleEntity>> all() {
        return list("true order by name");
    }
}
