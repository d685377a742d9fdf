package io.cognate.identitypool.repository;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/** An inline permission policy of a role (PutRolePolicy). */
@Table("iam_role_policy")
public class RolePolicyEntity {
    @Id
    @Column("role_name")
    public String roleName;

    @Id
    @Column("policy_name")
    public String policyName;

    public String document;
}
