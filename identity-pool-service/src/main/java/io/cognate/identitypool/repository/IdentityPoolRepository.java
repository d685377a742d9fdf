package io.cognate.identitypool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Identity pools of the deployment's account. */
@ApplicationScoped
public class IdentityPoolRepository implements PanacheRepositoryBase<IdentityPoolEntity, String> {

    /** A page of pools in id order, after {@code afterId} (null: from the start). */
    public Uni<List<IdentityPoolEntity>> page(String afterId, int limit) {
        return (afterId == null ? find("order by id") : find("id > ?1 order by id", afterId)).page(0, limit).list();
    }

    public Uni<Long> countAll() {
        return count();
    }
}
