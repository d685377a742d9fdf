package io.cognate.userpool.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user pool; {@code settings} is its Cognito description (policies, schema, ...) as JSON. */
@Entity
@Table(name = "user_pool")
public class UserPoolEntity {
    @Id
    public String id;
    public String name;
    public String settings;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
