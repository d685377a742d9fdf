package io.cognate.identitypool.repository;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/** A provider's user (its Logins key and subject) linked to an identity of the pool. */
@Table("identity_login")
public class IdentityLoginEntity {
    @Id
    @Column("pool_id")
    public String poolId;

    @Id
    public String provider;

    @Id
    public String subject;

    @Column("identity_id")
    public String identityId;
}
