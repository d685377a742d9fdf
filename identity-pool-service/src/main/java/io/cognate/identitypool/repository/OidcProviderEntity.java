package io.cognate.identitypool.repository;

import java.time.Instant;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/** An IAM OpenID Connect provider: an issuer URL and the client ids (audiences) its tokens may carry. */
@Table("iam_oidc_provider")
public class OidcProviderEntity {
    @Id
    public String arn;

    public String url;

    /** Comma-separated. */
    @Column("client_ids")
    public String clientIds;

    /** Comma-separated, as given (TLS trust is the JDK's; thumbprints are kept for IAM's answers). */
    public String thumbprints;

    @Column("created_at")
    public Instant createdAt;
}
