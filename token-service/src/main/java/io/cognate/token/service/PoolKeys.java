package io.cognate.token.service;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;

/**
 * A pool's signing keys as held in memory: the active private key (null when the pool has only retired keys or its
 * active key does not open under the KEK), every published public key by kid, and the JWKS document pre-serialized.
 * A pool without keys is represented too ({@link #none}), so that its absence can be cached.
 */
public record PoolKeys(String userPoolId, String activeKid, RSAPrivateKey activeKey,
        Map<String, RSAPublicKey> publicKeys, byte[] jwks) {

    public static PoolKeys none(String userPoolId) {
        return new PoolKeys(userPoolId, null, null, Map.of(), null);
    }

    /** False for an unknown pool or a pool without keys: its JWKS and discovery answer 404. */
    public boolean exists() {
        return !publicKeys.isEmpty();
    }

    public boolean canSign() {
        return activeKey != null;
    }
}
