package io.cognate.identitypool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Identities, always looked up within their pool where the caller names one. */
@ApplicationScoped
public class IdentityRepository implements PanacheRepositoryBase<IdentityEntity, String> {

    /** A page of a pool's identities in id order after {@code afterId} (null: from the start). */
    public Uni<List<IdentityEntity>> page(String poolId, String afterId, int limit, boolean hideDisabled) {
        String disabled = hideDisabled ? " and disabled = false" : "";
        return (afterId == null ? find("poolId = ?1" + disabled + " order by id", poolId)
                : find("poolId = ?1 and id > ?2" + disabled + " order by id", poolId, afterId)).page(0, limit).list();
    }
}
