package io.cognate.userpool.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user of a pool. The password exists only as its SRP verifier, sealed with the KEK (a database dump alone
 * allows no offline guessing); {@code attributes} holds the user's attributes as a JSON object.
 */
@Entity
@Table(name = "pool_user")
public class UserEntity {
    @Id
    public UUID sub;
    @Column(name = "pool_id")
    public String poolId;
    public String username;
    @Column(name = "username_key")
    public String usernameKey;
    public String status;
    public boolean enabled;
    public String attributes;
    @Column(name = "email_key")
    public String emailKey;
    @Column(name = "phone_key")
    public String phoneKey;
    @Column(name = "preferred_username_key")
    public String preferredUsernameKey;
    @Column(name = "password_salt")
    public byte[] passwordSalt;
    @Column(name = "password_verifier")
    public byte[] passwordVerifier;
    @Column(name = "temporary_password_expires_at")
    public Instant temporaryPasswordExpiresAt;
    /** The last global sign-out: access tokens issued before it are refused. */
    @Column(name = "tokens_revoked_at")
    public Instant tokensRevokedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
