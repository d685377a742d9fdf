package io.cognate.userpool.repository;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/**
 * A user of a pool. The password exists only as its SRP verifier, sealed with the KEK (a database dump alone
 * allows no offline guessing); {@code attributes} holds the user's attributes as a JSON object.
 */
@Table("pool_user")
public class UserEntity {
    @Id
    public UUID sub;
    @Column("pool_id")
    public String poolId;
    public String username;
    @Column("username_key")
    public String usernameKey;
    public String status;
    public boolean enabled;
    @Column("attributes")
    String attributesJson;
    /** Changed email or phone_number values awaiting verification before they apply (JSON object), or null. */
    @Column("pending_attributes")
    String pendingAttributesJson;
    @Column("email_key")
    public String emailKey;
    @Column("phone_key")
    public String phoneKey;
    @Column("preferred_username_key")
    public String preferredUsernameKey;
    @Column("password_salt")
    public byte[] passwordSalt;
    @Column("password_verifier")
    public byte[] passwordVerifier;
    @Column("temporary_password_expires_at")
    public Instant temporaryPasswordExpiresAt;
    /** Consecutive wrong passwords (reset by a sign-in, or after 15 minutes without one). */
    @Column("failed_sign_ins")
    public int failedSignIns;
    @Column("last_failed_sign_in_at")
    public Instant lastFailedSignInAt;
    /** Sign-ins are refused until then ("Password attempts exceeded"). */
    @Column("locked_until")
    public Instant lockedUntil;
    /** The verified TOTP secret, sealed with the KEK; null until VerifySoftwareToken succeeds. */
    @Column("totp_secret")
    public byte[] totpSecret;
    /** A TOTP secret from AssociateSoftwareToken awaiting VerifySoftwareToken, sealed with the KEK. */
    @Column("totp_pending_secret")
    public byte[] totpPendingSecret;
    /** The last TOTP time step a code was accepted for. */
    @Column("totp_last_step")
    public long totpLastStep;
    /** Enabled MFA factors, comma-separated (SOFTWARE_TOKEN_MFA, EMAIL_OTP); empty for none. */
    @Column("mfa_enabled")
    public String mfaEnabled = "";
    @Column("mfa_preferred")
    public String mfaPreferred;
    /** The last global sign-out: access tokens issued before it are refused. */
    @Column("tokens_revoked_at")
    public Instant tokensRevokedAt;
    @Column("created_at")
    public Instant createdAt;
    @Column("updated_at")
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
