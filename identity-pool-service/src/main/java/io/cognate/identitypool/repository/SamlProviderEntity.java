package io.cognate.identitypool.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An IAM SAML provider: an identity provider's metadata document, as given. */
@Entity
@Table(name = "iam_saml_provider")
public class SamlProviderEntity {
    @Id
    public String arn;

    @Column(nullable = false)
    public String metadata;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "valid_until", nullable = false)
    public Instant validUntil;
}
