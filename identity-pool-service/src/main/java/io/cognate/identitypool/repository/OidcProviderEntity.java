package io.cognate.identitypool.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An IAM OpenID Connect provider: an issuer URL and the client ids (audiences) its tokens may carry. */
@Entity
@Table(name = "iam_oidc_provider")
public class OidcProviderEntity {
    @Id
    public String arn;

    @Column(nullable = false)
    public String url;

    /** Comma-separated. */
    @Column(name = "client_ids", nullable = false)
    public String clientIds;

    /** Comma-separated, as given (TLS trust is the JDK's; thumbprints are kept for IAM's answers). */
    @Column(nullable = false)
    public String thumbprints;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
