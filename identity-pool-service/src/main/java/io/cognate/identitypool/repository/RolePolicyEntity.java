package io.cognate.identitypool.repository;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An inline permission policy of a role (PutRolePolicy). */
@Entity
@Table(name = "iam_role_policy")
@IdClass(RolePolicyEntity.Key.class)
public class RolePolicyEntity {
    @Id
    @Column(name = "role_name")
    public String roleName;

    @Id
    @Column(name = "policy_name")
    public String policyName;

    @Column(nullable = false)
    public String document;

    /** The primary key. */
    public static class Key implements Serializable {
        public String roleName;
        public String policyName;

        public Key() {
        }

        public Key(String roleName, String policyName) {
            this.roleName = roleName;
            this.policyName = policyName;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(roleName, key.roleName)
                    && Objects.equals(policyName, key.policyName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(roleName, policyName);
        }
    }
}
