package io.cognate.userpool.repository;

import java.time.Instant;
import java.util.UUID;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/** A user at an external identity provider linked to a native user of the pool (AdminLinkProviderForUser). */
@Table("federated_link")
public class FederatedLinkEntity {
    @Id
    @Column("pool_id")
    public String poolId;
    @Id
    @Column("provider_name")
    public String providerName;
    /** The claim linked by: Cognito_Subject (the provider's subject), or another claim of its answer. */
    @Id
    @Column("attribute_name")
    public String attributeName;
    /** The claim's value (the subject, for Cognito_Subject). */
    @Id
    public String subject;
    /** The native user's sub. */
    public UUID sub;
    @Column("created_at")
    public Instant createdAt;
}
