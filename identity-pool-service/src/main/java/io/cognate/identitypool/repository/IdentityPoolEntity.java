package io.cognate.identitypool.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An identity pool's settings; the structured ones are JSON text, as the API takes and returns them. */
@Entity
@Table(name = "identity_pool")
public class IdentityPoolEntity {
    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "allow_unauthenticated", nullable = false)
    public boolean allowUnauthenticated;

    @Column(name = "allow_classic_flow", nullable = false)
    public boolean allowClassicFlow;

    @Column(name = "developer_provider_name")
    public String developerProviderName;

    @Column(name = "supported_login_providers", nullable = false)
    public String supportedLoginProviders;

    @Column(name = "cognito_providers", nullable = false)
    public String cognitoProviders;

    @Column(name = "open_id_connect_providers", nullable = false)
    public String openIdConnectProviders;

    @Column(name = "saml_providers", nullable = false)
    public String samlProviders;

    @Column(nullable = false)
    public String tags;

    @Column(nullable = false)
    public String roles;

    @Column(name = "role_mappings", nullable = false)
    public String roleMappings;

    @Column(name = "principal_tags", nullable = false)
    public String principalTags;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
