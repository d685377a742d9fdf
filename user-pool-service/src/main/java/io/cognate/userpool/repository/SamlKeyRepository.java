package io.cognate.userpool.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.RowType;
import io.cognate.database.rows.Sessions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

/** A pool's SAML service-provider keys, by use (signing, encryption); the first replica to make one keeps it. */
@ApplicationScoped
public class SamlKeyRepository {
    /** A stored key: its use, its private key sealed, its certificate (DER). */
    public record StoredKey(String use, byte[] privateKeySealed, byte[] certificate) {
    }

    public Uni<List<StoredKey>> ofPool(String poolId) {
        return Sessions.current().execute("select key_use, private_key_sealed, certificate from saml_key "
                + "where pool_id = $1", RowType.tuple(poolId)).map(rows -> {
                    List<StoredKey> keys = new ArrayList<>();
                    for (Row row : rows) {
                        keys.add(new StoredKey(row.getString(0), row.getBuffer(1).getBytes(),
                                row.getBuffer(2).getBytes()));
                    }
                    return keys;
                });
    }

    /** Stores the key unless the pool has one for this use already (made meanwhile by another replica). */
    public Uni<Void> insertIfAbsent(String poolId, StoredKey key, Instant now) {
        return Sessions.current().execute("insert into saml_key (pool_id, key_use, private_key_sealed, certificate, "
                + "created_at) values ($1, $2, $3, $4, $5) on conflict do nothing",
                RowType.tuple(poolId, key.use(),
                        key.privateKeySealed(), key.certificate(), now))
                .replaceWithVoid();
    }
}
