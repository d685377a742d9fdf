package io.cognate.identitypool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** IAM roles by name. */
@ApplicationScoped
public class RoleRepository implements PanacheRepositoryBase<RoleEntity, String> {

    public Uni<RoleEntity> findByArn(String arn) {
        return find("arn", arn).firstResult();
    }

    public Uni<List<RoleEntity>> all() {
        return list("order by name");
    }
}
