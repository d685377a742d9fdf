package io.cognate.token.service;

import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cognate.crypto.Aead;
import io.cognate.crypto.CiphertextRejectedException;
import io.cognate.crypto.Purpose;
import io.cognate.crypto.RsaKeys;
import io.cognate.database.rows.Transactions;
import io.cognate.token.crypto.RsaJwk;
import io.cognate.token.repository.RefreshTokenFamilyRepository;
import io.cognate.token.repository.SigningKeyEntity;
import io.cognate.token.repository.SigningKeyRepository;
import io.cognate.token.repository.SigningKeyStatus;
import io.smallrye.mutiny.Uni;

/**
 * Reads and writes signing keys, sealing private keys under the KEK with AAD = pool id and kid; deletes them, with
 * the pool's refresh-token families, when the pool is deleted.
 */
@ApplicationScoped
public class SigningKeyStore {

    private static final Logger LOG = Logger.getLogger(SigningKeyStore.class);

    private final SigningKeyRepository repository;
    private final RefreshTokenFamilyRepository families;
    private final Aead aead;
    private final ObjectMapper json;
    private final Clock clock;
    private final Transactions transactions;

    public SigningKeyStore(SigningKeyRepository repository, RefreshTokenFamilyRepository families,
            Aead aead, ObjectMapper json, Clock clock, Transactions transactions) {
        this.repository = repository;
        this.families = families;
        this.aead = aead;
        this.json = json;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** The pool's published keys, or {@link PoolKeys#none} when it has none. */
    public Uni<PoolKeys> load(String userPoolId) {
        return transactions.session(() -> repository.listPublished(userPoolId, clock.instant())
                .map(rows -> toPoolKeys(userPoolId, rows)));
    }

    /** Deletes the pool's keys and its refresh-token families, in one transaction (DeletePool). */
    public Uni<Void> deletePool(String userPoolId) {
        return transactions.transaction(() -> repository.deleteOfPool(userPoolId)
                .chain(() -> families.deleteOfPool(userPoolId)).replaceWithVoid());
    }

    /** @return true when this key became the pool's active key, false when the pool already had one */
    public Uni<Boolean> insertIfNoActiveKey(SigningKeyEntity key) {
        return transactions.transaction(() -> repository.insertIfNoActiveKey(key).map(inserted -> inserted == 1));
    }

    /** Builds the row for a new active key. CPU-heavy (RSA generation): call it off the event loop. */
    public SigningKeyEntity newActiveKey(String userPoolId) {
        KeyPair pair = RsaKeys.generate();
        SigningKeyEntity key = new SigningKeyEntity();
        key.kid = RsaKeys.newKeyId();
        key.userPoolId = userPoolId;
        key.status = SigningKeyStatus.ACTIVE;
        key.publicKey = pair.getPublic().getEncoded();
        key.privateKeySealed = aead.seal(Purpose.SIGNING_KEY, context(userPoolId, key.kid),
                pair.getPrivate().getEncoded());
        key.createdAt = clock.instant();
        return key;
    }

    private PoolKeys toPoolKeys(String userPoolId, List<SigningKeyEntity> rows) {
        if (rows.isEmpty()) {
            return PoolKeys.none(userPoolId);
        }
        Map<String, RSAPublicKey> publicKeys = new LinkedHashMap<>();
        List<RsaJwk> jwks = new ArrayList<>();
        String activeKid = null;
        RSAPrivateKey activeKey = null;
        for (SigningKeyEntity row : rows) {
            RSAPublicKey publicKey = RsaKeys.publicKey(row.publicKey);
            publicKeys.put(row.kid, publicKey);
            jwks.add(RsaJwk.of(row.kid, publicKey));
            if (row.status == SigningKeyStatus.ACTIVE) {
                activeKid = row.kid;
                activeKey = openPrivateKey(row);
            }
        }
        return new PoolKeys(userPoolId, activeKid, activeKey, Map.copyOf(publicKeys), serialize(jwks));
    }

    private RSAPrivateKey openPrivateKey(SigningKeyEntity row) {
        try {
            byte[] pkcs8 = aead.open(Purpose.SIGNING_KEY, context(row.userPoolId, row.kid), sealed(row));
            return RsaKeys.privateKey(pkcs8);
        } catch (CiphertextRejectedException | IllegalArgumentException e) {
            // The JWKS can still be served from the public half; only minting is refused.
            LOG.errorf("signing key %s of user pool %s does not open under the configured KEK", row.kid,
                    row.userPoolId);
            return null;
        }
    }

    private byte[] serialize(List<RsaJwk> keys) {
        try {
            return json.writeValueAsBytes(Map.of("keys", keys));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JWKS serialization failed", e);
        }
    }

    /** Binds a sealed private key to its pool and kid, so a row copied onto another pool or kid does not open. */
    public static String context(String userPoolId, String kid) {
        return userPoolId + "\u0000" + kid;
    }

    /** The sealed key; a key of the first release kept its nonce in a column of its own (until re-wrapped). */
    private static byte[] sealed(SigningKeyEntity row) {
        if (row.privateKeyNonce == null) {
            return row.privateKeySealed;
        }
        return ByteBuffer.allocate(row.privateKeyNonce.length + row.privateKeySealed.length).put(row.privateKeyNonce)
                .put(row.privateKeySealed).array();
    }
}
