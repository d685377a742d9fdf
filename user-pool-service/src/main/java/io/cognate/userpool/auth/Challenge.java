package io.cognate.userpool.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * The state of a sign-in between its steps. It travels to the client sealed (the Session, or the SRP
 * SECRET_BLOCK that Cognito's clients echo back) so any replica can answer the next step; nothing is kept in memory.
 *
 * @param id unique id, recorded when the challenge is answered so it can be answered once
 * @param name the challenge the client must answer (PASSWORD_VERIFIER, NEW_PASSWORD_REQUIRED, an MFA challenge, or a
 *        step of MFA_SETUP)
 * @param sub the user's sub, or null for the decoy challenge answered to a name no user has
 * @param srpB the server's SRP secret ephemeral b in hex (PASSWORD_VERIFIER only)
 * @param srpA the client's SRP public ephemeral A in hex (PASSWORD_VERIFIER only)
 * @param srpU the SRP scrambler u = H(A | B) in hex, kept so step two need not recompute B (PASSWORD_VERIFIER only)
 * @param authTime when the password was proven (every challenge after PASSWORD_VERIFIER), epoch seconds
 * @param deviceKey the device the sign-in names (DEVICE_KEY), or null
 */
public record Challenge(String id, String name, String poolId, String clientId, String sub, String username,
        String srpB, String srpA, String srpU, long authTime, long expiresAt, String deviceKey) {

    /** A challenge that follows a proven password: the user is known, no SRP state. */
    public static Challenge afterPassword(String name, String poolId, String clientId, String sub, String username,
            long authTime, long expiresAt, String deviceKey) {
        return new Challenge(UUID.randomUUID().toString(), name, poolId, clientId, sub, username, null, null, null,
                authTime, expiresAt, deviceKey);
    }

    /** The next step of the same sign-in, under a new id (each step's Session is answered once). */
    public Challenge next(String nextName, long nextExpiresAt) {
        return afterPassword(nextName, poolId, clientId, sub, username, authTime, nextExpiresAt, deviceKey);
    }

    /**
     * DEVICE_SRP_AUTH after this step, under an id derived from this one: however the client presents it (this
     * step's Session or the new one), the device step is answered once.
     */
    public Challenge deviceStep(long nextExpiresAt) {
        return new Challenge(id + "/DEVICE_SRP_AUTH", "DEVICE_SRP_AUTH", poolId, clientId, sub, username, null, null,
                null, authTime, nextExpiresAt, deviceKey);
    }

    /** The device step of SRP (DEVICE_PASSWORD_VERIFIER): the server's b, the client's A and u, for the device. */
    public Challenge withSrp(String nextName, String b, String a, String u, long nextExpiresAt) {
        return new Challenge(UUID.randomUUID().toString(), nextName, poolId, clientId, sub, username, b, a, u,
                authTime, nextExpiresAt, deviceKey);
    }

    public boolean expired() {
        return Instant.now().getEpochSecond() > expiresAt;
    }

    public boolean decoy() {
        return sub == null;
    }
}
