package io.cognate.userpool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

/** Domains: by name (a domain is unique in the deployment), or a pool's. */
@ApplicationScoped
public class DomainRepository extends Repository<DomainEntity> {

    public DomainRepository() {
        super(DomainEntity.class);
    }

    public Uni<List<DomainEntity>> ofPool(String poolId) {
        return list("pool_id = $1 order by domain", poolId);
    }
}
