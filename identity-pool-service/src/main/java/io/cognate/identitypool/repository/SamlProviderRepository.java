package io.cognate.identitypool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** IAM's SAML providers by ARN. */
@ApplicationScoped
public class SamlProviderRepository implements PanacheRepositoryBase<SamlProviderEntity, String> {

    public Uni<List<SamlProviderEntity>> all() {
        return list("order by arn");
    }

    public Uni<List<SamlProviderEntity>> byArns(List<String> arns) {
        return list("arn in ?1", arns);
    }
}
