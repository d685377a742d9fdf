package io.cognate.identitypool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

/** IAM's OpenID Connect providers by ARN. */
@ApplicationScoped
public class OidcProviderRepository extends Repository<OidcProviderEntity> {

    public OidcProviderRepository() {
        super(OidcProviderEntity.class);
    }

    public Uni<List<OidcProviderEntity>> all() {
        return list("true order by arn");
    }

    public Uni<List<OidcProviderEntity>> byArns(List<String> arns) {
        return list("arn = any($1)", arns);
    }

    /** The provider of this issuer URL, or null. */
    public Uni<OidcProviderEntity> byUrl(String url) {
        return first("url = $1", url);
    }
}
