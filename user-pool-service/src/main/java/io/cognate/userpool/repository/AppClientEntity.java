package io.cognate.userpool.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An app client; its secret is sealed with the KEK, {@code settings} is its Cognito description as JSON. */
@Entity
@Table(name = "app_client")
public class AppClientEntity {
    @Id
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "pool_id")
    public String poolId;
    @Column(name = "client_name")
    public String clientName;
    @Column(name = "secret_sealed")
    public byte[] secretSealed;
    public String settings;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
