package io.cognate.token.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A pool's RS256 key pair; the private half only ever leaves PostgreSQL sealed under the KEK. */
@Entity
@Table(name = "signing_key")
public class SigningKeyEntity {

    @Id
    public String kid;

    @Column(name = "user_pool_id", nullable = false)
    public String userPoolId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SigningKeyStatus status;

    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    @Column(name = "private_key_sealed", nullable = false)
    public byte[] privateKeySealed;

    /** The nonce of a key sealed by the first release, kept apart; null since keys are sealed as one envelope. */
    @Column(name = "private_key_nonce")
    public byte[] privateKeyNonce;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
