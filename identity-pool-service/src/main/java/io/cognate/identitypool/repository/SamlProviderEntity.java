package io.cognate.identitypool.repository;

import java.time.Instant;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/** An IAM SAML provider: an identity provider's metadata document, as given. */
@Table("iam_saml_provider")
public class SamlProviderEntity {
    @Id
    public String arn;

    public String metadata;

    @Column("created_at")
    public Instant createdAt;

    @Column("valid_until")
    public Instant validUntil;
}
