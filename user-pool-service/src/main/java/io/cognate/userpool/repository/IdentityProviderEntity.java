package io.cognate.userpool.repository;

import java.time.Instant;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/** A pool's external identity provider as stored: its ProviderDetails sealed, its mapping and identifiers JSON. */
@Table("identity_provider")
public class IdentityProviderEntity {
    @Id
    @Column("pool_id")
    public String poolId;
    @Id
    @Column("provider_name")
    public String providerName;
    @Column("provider_type")
    public String providerType;
    @Column("details_sealed")
    public byte[] detailsSealed;
    @Column("attribute_mapping")
    public String attributeMapping;
    @Column("idp_identifiers")
    public String idpIdentifiers;
    @Column("created_at")
    public Instant createdAt;
    @Column("updated_at")
    public Instant updatedAt;
}
