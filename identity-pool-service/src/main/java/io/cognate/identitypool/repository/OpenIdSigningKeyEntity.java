package io.cognate.identitypool.repository;

import java.time.Instant;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/** The RSA key that signs the OpenID tokens; the private half only leaves PostgreSQL sealed under the KEK. */
@Table("openid_signing_key")
public class OpenIdSigningKeyEntity {
    @Id
    public String kid;

    @Column("public_key")
    public byte[] publicKey;

    @Column("private_key_sealed")
    public byte[] privateKeySealed;

    @Column("created_at")
    public Instant createdAt;
}
