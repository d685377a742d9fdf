package io.cognate.userpool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UserPoolRepository implements PanacheRepositoryBase<UserPoolEntity, String> {

    /** One page of pools ordered by id, starting after {@code afterId} (null for the first page). */
    public Uni<List<UserPoolEntity>> page(String afterId, int limit) {
        if (afterId == null) {
            return findAll(Sort.by("id")).page(0, limit).list();
        }
        return find("id > ?1", Sort.by("id"), afterId).page(0, limit).list();
    }
}
