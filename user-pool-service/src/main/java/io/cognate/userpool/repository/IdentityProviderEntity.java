package io.cognate.userpool.repository;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A pool's external identity provider as stored: its ProviderDetails sealed, its mapping and identifiers JSON. */
@Entity
@Table(name = "identity_provider")
@IdClass(IdentityProviderEntity.Key.class)
public class IdentityProviderEntity {
    @Id
    @Column(name = "pool_id")
    public String poolId;
    @Id
    @Column(name = "provider_name")
    public String providerName;
    @Column(name = "provider_type")
    public String providerType;
    @Column(name = "details_sealed")
    public byte[] detailsSealed;
    @Column(name = "attribute_mapping")
    public String attributeMapping;
    @Column(name = "idp_identifiers")
    public String idpIdentifiers;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The composite key. */
    public static class Key implements Serializable {
        public String poolId;
        public String providerName;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.poolId.equals(poolId) && key.providerName.equals(providerName);
        }

        @Override
        public int hashCode() {
            return poolId.hashCode() * 31 + providerName.hashCode();
        }
    }
}
