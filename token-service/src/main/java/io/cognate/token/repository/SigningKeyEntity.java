package io.cognate.token.repository;

import java.time.Instant;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/** A pool's RS256 key pair; the private half only ever leaves PostgreSQL sealed under the KEK. */
@Table("signing_key")
public class SigningKeyEntity {

    @Id
    public String kid;

    @Column("user_pool_id")
    public String userPoolId;

    public SigningKeyStatus status;

    @Column("public_key")
    public byte[] publicKey;

    @Column("private_key_sealed")
    public byte[] privateKeySealed;

    /** The nonce of a key sealed by the first release, kept apart; null since keys are sealed as one envelope. */
    @Column("private_key_nonce")
    public byte[] privateKeyNonce;

    @Column("created_at")
    public Instant createdAt;

    @Column("expires_at")
    public Instant expiresAt;
}
