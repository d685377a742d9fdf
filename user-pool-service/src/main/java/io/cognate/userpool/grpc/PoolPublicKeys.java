package io.cognate.userpool.grpc;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.token.v1.PublicKeysResponse;
import io.cognate.contracts.token.v1.RsaPublicKey;
import io.smallrye.mutiny.Uni;

/**
 * The public keys each pool's tokens verify with, fetched from token-service and kept in memory, as any resource
 * server keeps a JWKS: refreshed after {@link #TTL_NANOS}, and at once (at most every {@link #REFETCH_NANOS}) when a
 * token names a key id not seen yet, so a new signing key is picked up without letting junk key ids cause a call
 * each.
 */
@ApplicationScoped
public class PoolPublicKeys {
    private static final long TTL_NANOS = 300_000_000_000L;
    private static final long REFETCH_NANOS = 5_000_000_000L;
    private static final int MAX_POOLS = 10_000;

    /** One pool's keys; an empty issuer means token-service knows no keys for the pool. */
    private record Keys(String issuer, Map<String, PublicKey> byKid, long fetchedAtNanos) {
    }

    /** A verification key and the issuer a token signed with it must name. */
    public record IssuerKey(String issuer, PublicKey key) {
    }

    private final TokenServiceClient tokens;
    private final Map<String, Keys> pools = new ConcurrentHashMap<>();

    public PoolPublicKeys(TokenServiceClient tokens) {
        this.tokens = tokens;
    }

    /** The key {@code kid} of the pool; empty when the pool has no such key. */
    public Uni<Optional<IssuerKey>> find(String userPoolId, String kid) {
        Keys cached = pools.get(userPoolId);
        long now = System.nanoTime();
        if (cached != null && now - cached.fetchedAtNanos < TTL_NANOS
                && (cached.byKid.containsKey(kid) || now - cached.fetchedAtNanos < REFETCH_NANOS)) {
            return Uni.createFrom().item(lookup(cached, kid));
        }
        return tokens.publicKeys(userPoolId).map(response -> {
            Keys keys = keys(response);
            if (pools.size() >= MAX_POOLS) {
                pools.clear();
            }
            pools.put(userPoolId, keys);
            return lookup(keys, kid);
        });
    }

    private static Optional<IssuerKey> lookup(Keys keys, String kid) {
        PublicKey key = keys.byKid.get(kid);
        return key == null ? Optional.empty() : Optional.of(new IssuerKey(keys.issuer, key));
    }

    private static Keys keys(PublicKeysResponse response) {
        Map<String, PublicKey> byKid = new HashMap<>();
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            for (RsaPublicKey key : response.getKeysList()) {
                byKid.put(key.getKid(), rsa.generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, key.getModulus().toByteArray()),
                        new BigInteger(1, key.getPublicExponent().toByteArray()))));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("token-service sent an RSA public key the JDK cannot load", e);
        }
        return new Keys(response.getIssuer(), Map.copyOf(byKid), System.nanoTime());
    }
}
