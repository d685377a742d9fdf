package io.cognate.token.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One sign-in's refresh token and, through origin_jti, every access and ID token minted from it. */
@Entity
@Table(name = "refresh_token_family")
public class RefreshTokenFamilyEntity {

    @Id
    public UUID id;

    @Column(name = "user_pool_id", nullable = false)
    public String userPoolId;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(nullable = false)
    public String username;

    @Column(nullable = false)
    public String sub;

    @Column(name = "origin_jti", nullable = false)
    public UUID originJti;

    /** Epoch seconds. */
    @Column(name = "auth_time", nullable = false)
    public long authTime;

    @Column(name = "secret_hash", nullable = false)
    public byte[] secretHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** How the user authenticated at sign-in (RFC 8176 amr values, space-separated); empty for none recorded. */
    @Column(name = "amr")
    public String amr;

    /** The scopes its tokens carry, space-separated; null for a family of the API (its one scope). */
    @Column(name = "scopes")
    public String scopes;

    /** Whether its tokens are the OAuth endpoints' (MintRequest.oauth). */
    @Column(name = "oauth", nullable = false)
    public boolean oauth;

    /** With RefreshTokenRotation: the hash of the refresh token the last rotation replaced, and when. */
    @Column(name = "previous_secret_hash")
    public byte[] previousSecretHash;

    @Column(name = "rotated_at")
    public Instant rotatedAt;

    /** How long after its rotation the replaced refresh token still works (0 to 60 s). */
    @Column(name = "retry_grace_seconds")
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
