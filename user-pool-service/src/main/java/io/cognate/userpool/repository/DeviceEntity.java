package io.cognate.userpool.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A device of a user (Cognito's remembered devices); its SRP verifier is sealed with the KEK. */
@Entity
@Table(name = "user_device")
public class DeviceEntity {
    @Id
    @Column(name = "device_key")
    public String deviceKey;
    @Column(name = "pool_id")
    public String poolId;
    public UUID sub;
    @Column(name = "device_group_key")
    public String deviceGroupKey;
    @Column(name = "device_name")
    public String deviceName;
    public byte[] salt;
    public byte[] verifier;
    /** ConfirmDevice has given the device's verifier; only then can it sign in with DEVICE_SRP_AUTH. */
    public boolean confirmed;
    /** Remembered devices skip MFA. */
    public boolean remembered;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "last_authenticated_at")
    public Instant lastAuthenticatedAt;
}
