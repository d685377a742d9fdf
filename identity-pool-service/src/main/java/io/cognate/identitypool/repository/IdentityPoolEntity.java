package io.cognate.identitypool.repository;

import java.time.Instant;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/** An identity pool's settings; the structured ones are JSON text, as the API takes and returns them. */
@Table("identity_pool")
public class IdentityPoolEntity {
    @Id
    public String id;

    public String name;

    @Column("allow_unauthenticated")
    public boolean allowUnauthenticated;

    @Column("allow_classic_flow")
    public boolean allowClassicFlow;

    @Column("developer_provider_name")
    public String developerProviderName;

    @Column("supported_login_providers")
    public String supportedLoginProviders;

    @Column("cognito_providers")
    public String cognitoProviders;

    @Column("open_id_connect_providers")
    public String openIdConnectProviders;

    @Column("saml_providers")
    public String samlProviders;

    public String tags;

    public String roles;

    @Column("role_mappings")
    public String roleMappings;

    @Column("principal_tags")
    public String principalTags;

    @Column("created_at")
    public Instant createdAt;
}
