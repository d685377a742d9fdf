package io.cognate.userpool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Domains: by name (a domain is unique in the deployment), or a pool's. */
@ApplicationScoped
public class DomainRepository implements PanacheRepositoryBase<DomainEntity, String> {

    public Uni<List<DomainEntity>> ofPool(String poolId) {
        return list("poolId = ?1 order by domain", poolId);
    }
}
