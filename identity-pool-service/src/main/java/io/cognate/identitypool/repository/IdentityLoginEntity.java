package io.cognate.identitypool.repository;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A provider's user (its Logins key and subject) linked to an identity of the pool. */
@Entity
@Table(name = "identity_login")
@IdClass(IdentityLoginEntity.Key.class)
public class IdentityLoginEntity {
    @Id
    @Column(name = "pool_id")
    public String poolId;

    @Id
    public String provider;

    @Id
    public String subject;

    @Column(name = "identity_id", nullable = false)
    public String identityId;

    /** The primary key. */
    public static class Key implements Serializable {
        public String poolId;
        public String provider;
        public String subject;

        public Key() {
        }

        public Key(String poolId, String provider, String subject) {
            this.poolId = poolId;
            this.provider = provider;
            this.subject = subject;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(poolId, key.poolId) && Objects.equals(provider, key.provider)
                    && Objects.equals(subject, key.subject);
        }

        @Override
        public int hashCode() {
            return Objects.hash(poolId, provider, subject);
        }
    }
}
