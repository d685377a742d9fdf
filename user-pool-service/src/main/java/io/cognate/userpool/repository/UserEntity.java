package io.cognate.userpool.repository;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

/**
 * A user of a pool. The password exists only as its SRP verifier, sealed with the KEK (a database dump alone
 * allows no offline guessing); {@code attributes} holds the user's attributes as a JSON object.
 */
@Entity
@Table(name = "pool_user")
// Only changed columns are written, so a save never overwrites the failure count a concurrent sign-in raised.
@DynamicUpdate
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
    @Column(name = "attributes")
    String attributesJson;
    /** Changed email or phone_number values awaiting verification before they apply (JSON object), or null. */
    @Column(name = "pending_attributes")
    String pendingAttributesJson;
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
    /** Consecutive wrong passwords (reset by a sign-in, or after 15 minutes without one). */
    @Column(name = "failed_sign_ins")
    public int failedSignIns;
    @Column(name = "last_failed_sign_in_at")
    public Instant lastFailedSignInAt;
    /** Sign-ins are refused until then ("Password attempts exceeded"). */
    @Column(name = "locked_until")
    public Instant lockedUntil;
    /** The verified TOTP secret, sealed with the KEK; null until VerifySoftwareToken succeeds. */
    @Column(name = "totp_secret")
    public byte[] totpSecret;
    /** A TOTP secret from AssociateSoftwareToken awaiting VerifySoftwareToken, sealed with the KEK. */
    @Column(name = "totp_pending_secret")
    public byte[] totpPendingSecret;
    /** The last TOTP time step a code was accepted for. */
    @Column(name = "totp_last_step")
    public long totpLastStep;
    /** Enabled MFA factors, comma-separated (SOFTWARE_TOKEN_MFA, EMAIL_OTP); empty for none. */
    @Column(name = "mfa_enabled")
    public String mfaEnabled = "";
    @Column(name = "mfa_preferred")
    public String mfaPreferred;
    /** The last global sign-out: access tokens issued before it are refused. */
    @Column(name = "tokens_revoked_at")
    public Instant tokensRevokedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The user's attributes, without {@code sub} (which is the user's id); a copy to change and store back. */
    public Map<String, String> attributes() {
        return StoredJson.strings(attributesJson);
    }

    public void attributes(Map<String, String> attributes) {
        attributesJson = StoredJson.write(attributes);
    }

    /** Changed email or phone_number values awaiting verification; a copy. */
    public Map<String, String> pendingAttributes() {
        return StoredJson.strings(pendingAttributesJson);
    }

    public void pendingAttributes(Map<String, String> pending) {
        pendingAttributesJson = pending.isEmpty() ? null : StoredJson.write(pending);
    }
}
