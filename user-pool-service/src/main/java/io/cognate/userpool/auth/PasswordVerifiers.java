package io.cognate.userpool.auth;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.cognate.crypto.Aead;
import io.cognate.crypto.Purpose;
import io.cognate.userpool.crypto.KeyedHash;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.service.UserPool;
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

    public void set(UserEntity user, UserPool pool, String password) {
        BigInteger salt = Srp.newSalt();
        BigInteger verifier = Srp.verifier(Srp.x(pool.srpPoolName(), user.username, password, salt));
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
    public boolean matches(UserEntity user, UserPool pool, String password) {
        if (!hasPassword(user)) {
            return false;
        }
        BigInteger candidate = Srp.verifier(Srp.x(pool.srpPoolName(), user.username, password, salt(user)));
        return MessageDigest.isEqual(candidate.toByteArray(), verifier(user).toByteArray());
    }

    /** The work of {@link #matches} for a name no user has, so both answers take the same time. */
    public void decoyCheck(UserPool pool, String username, String password) {
        BigInteger salt = decoySalt(pool, username);
        MessageDigest.isEqual(Srp.verifier(Srp.x(pool.srpPoolName(), username, password, salt)).toByteArray(),
                salt.toByteArray());
    }

    /** A salt for a name no user has: stable, so repeated SRP challenges for it look like a real user's. */
    public BigInteger decoySalt(UserPool pool, String username) {
        byte[] hash = hashes.hash("decoy-salt/" + pool.id(), username);
        return new BigInteger(1, java.util.Arrays.copyOf(hash, 16));
    }

    /**
     * A verifier for a name no user has: stable per name and indistinguishable from a real one through B, derived
     * with HMAC rather than an exponentiation so the decoy costs what a real user's lookup does. Nobody can answer it:
     * no password is behind it.
     */
    public BigInteger decoyVerifier(UserPool pool, String username) {
        byte[] material = new byte[Srp.N.bitLength() / 8 + 8];
        for (int block = 0; block * 32 < material.length; block++) {
            byte[] hash = hashes.hash("decoy-verifier/" + pool.id() + "/" + block, username);
            System.arraycopy(hash, 0, material, block * 32, Math.min(32, material.length - block * 32));
        }
        return new BigInteger(1, material).mod(Srp.N);
    }

    private static String context(UserEntity user) {
        return user.poolId + "/" + user.sub;
    }
}
