package io.cognate.userpool.credentials;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.cognate.crypto.Aead;
import io.cognate.crypto.Purpose;
import io.cognate.userpool.crypto.KeyedHash;
import io.cognate.userpool.repository.PasswordHistoryEntity;
import io.cognate.userpool.repository.UserEntity;
import io.quarkus.runtime.StartupEvent;

/**
 * A password lives only as its SRP verifier v = g^x, sealed with the KEK and bound to its pool and user. The
 * password itself is never stored or logged; USER_PASSWORD_AUTH recomputes v and compares in constant time.
 */
@ApplicationScoped
public class PasswordVerifiers {
    private final Aead aead;
    private final KeyedHash hashes;

    public PasswordVerifiers(Aead aead, KeyedHash hashes) {
        this.aead = aead;
        this.hashes = hashes;
    }

    /** Builds SRP's fixed-base table (about a second) at start-up rather than in the first sign-in. */
    void warmUp(@Observes StartupEvent event) {
        Srp.gPow(BigInteger.ONE);
    }

    public void set(UserEntity user, String password) {
        BigInteger salt = Srp.newSalt();
        BigInteger verifier = Srp.verifier(Srp.x(Srp.poolName(user.poolId), user.username, password, salt));
        user.passwordSalt = salt.toByteArray();
        user.passwordVerifier = aead.seal(Purpose.PASSWORD_VERIFIER, context(user), verifier.toByteArray());
        user.updatedAt = Instant.now();
    }

    public boolean hasPassword(UserEntity user) {
        return user.passwordVerifier != null && user.passwordSalt != null;
    }

    public BigInteger salt(UserEntity user) {
        return new BigInteger(1, user.passwordSalt);
    }

    public BigInteger verifier(UserEntity user) {
        return new BigInteger(1, aead.open(Purpose.PASSWORD_VERIFIER, context(user), user.passwordVerifier));
    }

    /** Whether the password is the user's, in time independent of where a wrong one differs. */
    public boolean matches(UserEntity user, String password) {
        if (!hasPassword(user)) {
            return false;
        }
        BigInteger candidate = Srp.verifier(Srp.x(Srp.poolName(user.poolId), user.username, password, salt(user)));
        return MessageDigest.isEqual(candidate.toByteArray(), verifier(user).toByteArray());
    }

    /** Whether the password is the one an earlier verifier of the user was made from (PasswordHistorySize). */
    public boolean matchesEarlier(UserEntity user, PasswordHistoryEntity earlier, String password) {
        BigInteger salt = new BigInteger(1, earlier.salt);
        BigInteger candidate = Srp.verifier(Srp.x(Srp.poolName(user.poolId), user.username, password, salt));
        BigInteger verifier = new BigInteger(1, aead.open(Purpose.PASSWORD_VERIFIER, context(user), earlier.verifier));
        return MessageDigest.isEqual(candidate.toByteArray(), verifier.toByteArray());
    }

    /** The user's current password as an entry of its history (the salt, the verifier as sealed). */
    public PasswordHistoryEntity asEarlier(UserEntity user) {
        PasswordHistoryEntity earlier = new PasswordHistoryEntity();
        earlier.id = java.util.UUID.randomUUID();
        earlier.poolId = user.poolId;
        earlier.sub = user.sub;
        earlier.salt = user.passwordSalt;
        earlier.verifier = user.passwordVerifier;
        earlier.createdAt = Instant.now();
        return earlier;
    }

    /** The work of {@link #matches} for a name no user has, so both answers take the same time. */
    public void decoyCheck(String poolId, String username, String password) {
        BigInteger salt = decoySalt(poolId, username);
        MessageDigest.isEqual(Srp.verifier(Srp.x(Srp.poolName(poolId), username, password, salt)).toByteArray(),
                salt.toByteArray());
    }

    /** A salt for a name no user has: stable, so repeated SRP challenges for it look like a real user's. */
    public BigInteger decoySalt(String poolId, String username) {
        byte[] hash = hashes.hash("decoy-salt/" + poolId, username);
        return new BigInteger(1, java.util.Arrays.copyOf(hash, 16));
    }

    /**
     * A verifier for a name no user has: stable per name and indistinguishable from a real one through B, derived
     * with HMAC rather than an exponentiation so the decoy costs what a real user's lookup does. Nobody can answer it:
     * no password is behind it.
     */
    public BigInteger decoyVerifier(String poolId, String username) {
        byte[] material = new byte[Srp.N.bitLength() / 8 + 8];
        for (int block = 0; block * 32 < material.length; block++) {
            byte[] hash = hashes.hash("decoy-verifier/" + poolId + "/" + block, username);
            System.arraycopy(hash, 0, material, block * 32, Math.min(32, material.length - block * 32));
        }
        return new BigInteger(1, material).mod(Srp.N);
    }

    private static String context(UserEntity user) {
        return user.poolId + "/" + user.sub;
    }
}
