package io.cognate.userpool.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** A pool's SAML service-provider keys, by use (signing, encryption); the first replica to make one keeps it. */
@ApplicationScoped
public class SamlKeyRepository {
    /** A stored key: its use, its private key sealed, its certificate (DER). */
    public record StoredKey(String use, byte[] privateKeySealed, byte[] certificate) {
    }

    public Uni<List<StoredKey>> ofPool(String poolId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select key_use, private_key_sealed, certificate "
                + "from saml_key where pool_id = :pool", Object[].class).setParameter("pool", poolId).getResultList())
                .map(rows -> rows.stream().map(row -> new StoredKey((String) row[0], (byte[]) row[1],
                        (byte[]) row[2])).toList());
    }

    /** Stores the key unless the pool has one for this use already (made meanwhile by another replica). */
    public Uni<Void> insertIfAbsent(String poolId, StoredKey key, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into saml_key (pool_id, key_use, "
                + "private_key_sealed, certificate, created_at) values (:pool, :use, :key, :cert, :now) "
                + "on conflict do nothing").setParameter("pool", poolId).setParameter("use", key.use())
                .setParameter("key", key.privateKeySealed()).setParameter("cert", key.certificate())
                .setParameter("now", now).executeUpdate()).replaceWithVoid();
    }
}
