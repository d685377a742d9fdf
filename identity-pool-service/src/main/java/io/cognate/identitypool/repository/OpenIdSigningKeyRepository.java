package io.cognate.identitypool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The OpenID tokens' signing keys, newest first. */
@ApplicationScoped
public class OpenIdSigningKeyRepository implements PanacheRepositoryBase<OpenIdSigningKeyEntity, String> {

    public Uni<List<OpenIdSigningKeyEntity>> newestFirst() {
        return list("order by createdAt desc");
    }
}
