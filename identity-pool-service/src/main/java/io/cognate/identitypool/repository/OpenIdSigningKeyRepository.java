package io.cognate.identitypool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

/** The OpenID tokens' signing keys, newest first. */
@ApplicationScoped
public class OpenIdSigningKeyRepository extends Repository<OpenIdSigningKeyEntity> {

    public OpenIdSigningKeyRepository() {
        super(OpenIdSigningKeyEntity.class);
    }

    public Uni<List<OpenIdSigningKeyEntity>> newestFirst() {
        return list("true order by created_at desc");
    }
}
