package io.cognate.identitypool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

/** IAM's SAML providers by ARN. */
@ApplicationScoped
public class SamlProviderRepository extends Repository<SamlProviderEntity> {

    public SamlProviderRepository() {
        super(SamlProviderEntity.class);
    }

    public Uni<List<SamlProviderEntity>> all() {
        return list("true order by arn");
    }

    public Uni<List<SamlProviderEntity>> byArns(List<String> arns) {
        return list("arn = any($1)", arns);
    }
}
