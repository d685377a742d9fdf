package io.cognate.token.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Authorization codes in PostgreSQL, shared by every replica: stored once, redeemed once (one statement each). */
@ApplicationScoped
public class AuthorizationCodeStore {

    /** A stored code; {@code codeChallenge} null without PKCE. */
    public record StoredCode(String userPoolId, String clientId, String redirectUri, String codeChallenge,
            byte[] tokensSealed, Instant expiresAt) {
    }

    /** A redemption: the code's row, and whether this was its first ({@code false}: a replay). */
    public record Redemption(StoredCode code, boolean first) {
    }

    private final Pool pool;

    public AuthorizationCodeStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> store(byte[] codeHash, StoredCode code) {
        return pool.withConnection(c -> c.preparedQuery("insert into authorization_code (code_hash, user_pool_id, "
                + "client_id, redirect_uri, code_challenge, tokens_sealed, expires_at) values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.from(new Object[] { Buffer.buffer(codeHash), code.userPoolId(), code.clientId(),
                        code.redirectUri(), code.codeChallenge(), Buffer.buffer(code.tokensSealed()),
                        utc(code.expiresAt()) })))
                .replaceWithVoid();
    }

    /** Marks the code redeemed, if it was not yet; null when no code has this hash. */
    public Uni<Redemption> redeem(byte[] codeHash, Instant now) {
        OffsetDateTime at = utc(now);
        return pool.withConnection(c -> c.preparedQuery("update authorization_code set redeemed_at = "
                + "coalesce(redeemed_at, $2) where code_hash = $1 returning user_pool_id, client_id, redirect_uri, "
                + "code_challenge, tokens_sealed, expires_at, redeemed_at = $2 as first")
                .execute(Tuple.of(Buffer.buffer(codeHash), at)))
                .map(rows -> rows.rowCount() == 0 ? null : redemption(rows.iterator().next()));
    }

    private static Redemption redemption(Row row) {
        return new Redemption(new StoredCode(row.getString("user_pool_id"), row.getString("client_id"),
                row.getString("redirect_uri"), row.getString("code_challenge"),
                row.getBuffer("tokens_sealed").getBytes(), row.getOffsetDateTime("expires_at").toInstant()),
                row.getBoolean("first"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
