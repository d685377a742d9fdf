package io.cognate.identitypool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The inline policies of roles, always by role. */
@ApplicationScoped
public class RolePolicyRepository implements PanacheRepositoryBase<RolePolicyEntity, RolePolicyEntity.Key> {

    public Uni<List<RolePolicyEntity>> ofRole(String roleName) {
        return list("roleName = ?1 order by policyName", roleName);
    }

    public Uni<RolePolicyEntity> find(String roleName, String policyName) {
        return findById(new RolePolicyEntity.Key(roleName, policyName));
    }
}
