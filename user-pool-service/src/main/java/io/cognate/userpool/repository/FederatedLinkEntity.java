package io.cognate.userpool.repository;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A user at an external identity provider linked to a native user of the pool (AdminLinkProviderForUser). */
@Entity
@Table(name = "federated_link")
@IdClass(FederatedLinkEntity.Key.class)
public class FederatedLinkEntity {
    @Id
    @Column(name = "pool_id")
    public String poolId;
    @Id
    @Column(name = "provider_name")
    public String providerName;
    /** The claim linked by: Cognito_Subject (the provider's subject), or another claim of its answer. */
    @Id
    @Column(name = "attribute_name")
    public String attributeName;
    /** The claim's value (the subject, for Cognito_Subject). */
    @Id
    public String subject;
    /** The native user's sub. */
    public UUID sub;
    @Column(name = "created_at")
    public Instant createdAt;

    /** The composite key. */
    public static class Key implements Serializable {
        public String poolId;
        public String providerName;
        public String attributeName;
        public String subject;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.poolId.equals(poolId) && key.providerName.equals(providerName)
                    && key.attributeName.equals(attributeName) && key.subject.equals(subject);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(poolId, providerName, attributeName, subject);
        }
    }
}
