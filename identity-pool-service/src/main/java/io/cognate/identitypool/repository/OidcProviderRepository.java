package io.cognate.identitypool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** IAM's OpenID Connect providers by ARN. */
@ApplicationScoped
public class OidcProviderRepository implements PanacheRepositoryBase<OidcProviderEntity, String> {

    public Uni<List<OidcProviderEntity>> all() {
        return list("order by arn");
    }

    public Uni<List<OidcProviderEntity>> byArns(List<String> arns) {
        return list("arn in ?1", arns);
    }
}
