package io.cognate.identitypool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

/** The inline policies of roles, always by role. */
@ApplicationScoped
public class RolePolicyRepository extends Repository<RolePolicyEntity> {

    public RolePolicyRepository() {
        super(RolePolicyEntity.class);
    }

    public Uni<List<RolePolicyEntity>> ofRole(String roleName) {
        return list("role_name = $1 order by policy_name", roleName);
    }

    public Uni<RolePolicyEntity> find(String roleName, String policyName) {
        return first("role_name = $1 and policy_name = $2", roleName, policyName);
    }
}
