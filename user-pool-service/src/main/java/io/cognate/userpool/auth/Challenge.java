package io.cognate.userpool.auth;

import java.time.Instant;

/**
 * The state of a sign-in between its steps. It travels to the client sealed (the Session, or the SRP
 * SECRET_BLOCK that Cognito's clients echo back) so any replica can answer the next step; nothing is kept in memory.
 *
 * @param id unique id, recorded when the challenge is answered so it can be answered once
 * @param name the challenge the client must answer (PASSWORD_VERIFIER, NEW_PASSWORD_REQUIRED)
 * @param sub the user's sub, or null for the decoy challenge answered to a name no user has
 * @param srpB the server's SRP secret ephemeral b in hex (PASSWORD_VERIFIER only)
 * @param srpA the client's SRP public ephemeral A in hex (PASSWORD_VERIFIER only)
 * @param srpU the SRP scrambler u = H(A | B) in hex, kept so step two need not recompute B (PASSWORD_VERIFIER only)
 * @param authTime when the password was proven (NEW_PASSWORD_REQUIRED), epoch seconds
 */
public record Challenge(String id, String name, String poolId, String clientId, String sub, String username,
        String srpB, String srpA, String srpU, long authTime, long expiresAt) {

    public boolean expired() {
        return Instant.now().getEpochSecond() > expiresAt;
    }

    public boolean decoy() {
        return sub == null;
    }
}
