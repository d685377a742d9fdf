package io.cognate.userpool.repository;

import java.time.Instant;
import java.util.UUID;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/** A device of a user (Cognito's remembered devices); its SRP verifier is sealed with the KEK. */
@Table("user_device")
public class DeviceEntity {
    @Id
    @Column("device_key")
    public String deviceKey;
    @Column("pool_id")
    public String poolId;
    public UUID sub;
    @Column("device_group_key")
    public String deviceGroupKey;
    @Column("device_name")
    public String deviceName;
    public byte[] salt;
    public byte[] verifier;
    /** ConfirmDevice has given the device's verifier; only then can it sign in with DEVICE_SRP_AUTH. */
    public boolean confirmed;
    /** Remembered devices skip MFA. */
    public boolean remembered;
    @Column("created_at")
    public Instant createdAt;
    @Column("updated_at")
    public Instant updatedAt;
    @Column("last_authenticated_at")
    public Instant lastAuthenticatedAt;
}
