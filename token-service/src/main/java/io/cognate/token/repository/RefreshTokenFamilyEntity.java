package io.cognate.token.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/** One sign-in's refresh token and, through origin_jti, every access and ID token minted from it. */
@Table("refresh_token_family")
public class RefreshTokenFamilyEntity {

    @Id
    public UUID id;

    @Column("user_pool_id")
    public String userPoolId;

    @Column("client_id")
    public String clientId;

    public String username;

    public String sub;

    @Column("origin_jti")
    public UUID originJti;

    /** Epoch seconds. */
    @Column("auth_time")
    public long authTime;

    @Column("secret_hash")
    public byte[] secretHash;

    @Column("created_at")
    public Instant createdAt;

    @Column("expires_at")
    public Instant expiresAt;

    @Column("revoked_at")
    public Instant revokedAt;

    /** How the user authenticated at sign-in (RFC 8176 amr values, space-separated); empty for none recorded. */
    public String amr;

    /** The scopes its tokens carry, space-separated; null for a family of the API (its one scope). */
    public String scopes;

    /** Whether its tokens are the OAuth endpoints' (MintRequest.oauth). */
    public boolean oauth;

    /** With RefreshTokenRotation: the hash of the refresh token the last rotation replaced, and when. */
    @Column("previous_secret_hash")
    public byte[] previousSecretHash;

    @Column("rotated_at")
    public Instant rotatedAt;

    /** How long after its rotation the replaced refresh token still works (0 to 60 s). */
    @Column("retry_grace_seconds")
    public Integer retryGraceSeconds;

    public List<String> scopeList() {
        return scopes == null || scopes.isBlank() ? List.of() : List.of(scopes.split(" "));
    }

    public List<String> amrList() {
        return amr == null || amr.isBlank() ? List.of() : List.of(amr.split(" "));
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** Why no more tokens may come from this family for the client, in Cognito's words; null when they may. */
    public String refusalFor(String requestingClientId, Instant now) {
        if (!clientId.equals(requestingClientId)) {
            return "Invalid Refresh Token.";
        }
        if (isRevoked()) {
            return "Refresh Token has been revoked";
        }
        return isExpiredAt(now) ? "Refresh Token has expired" : null;
    }
}
