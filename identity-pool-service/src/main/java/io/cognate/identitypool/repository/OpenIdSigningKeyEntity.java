package io.cognate.identitypool.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The RSA key that signs the OpenID tokens; the private half only leaves PostgreSQL sealed under the KEK. */
@Entity
@Table(name = "openid_signing_key")
public class OpenIdSigningKeyEntity {
    @Id
    public String kid;

    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    @Column(name = "private_key_sealed", nullable = false)
    public byte[] privateKeySealed;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
