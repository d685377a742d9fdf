package io.cognate.userpool.service;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.crypto.Aead;
import io.cognate.crypto.Purpose;
import io.cognate.crypto.RsaKeys;
import io.cognate.crypto.SelfSignedCertificates;
import io.cognate.database.rows.Transactions;
import io.cognate.userpool.repository.SamlKeyRepository;
import io.cognate.userpool.repository.SamlKeyRepository.StoredKey;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * A pool's keys as a SAML service provider (RSA-2048, each with a self-signed certificate valid ten years, as
 * Cognito's): made the first time they are needed and kept; the private keys sealed at rest.
 */
@ApplicationScoped
public class SamlKeys {
    public static final String SIGNING = "signing";
    public static final String ENCRYPTION = "encryption";
    private static final Duration VALIDITY = Duration.ofDays(3652);

    /** One key: its private key (PKCS#8) and its certificate. */
    public record Key(byte[] privateKey, X509Certificate certificate) {
    }

    /** The pool's two keys. */
    public record PoolKeys(Key signing, Key encryption) {
    }

    private final SamlKeyRepository keys;
    private final Aead aead;
    private final Transactions transactions;
    private final Vertx vertx;

    public SamlKeys(SamlKeyRepository keys, Aead aead, Transactions transactions, Vertx vertx) {
        this.keys = keys;
        this.aead = aead;
        this.transactions = transactions;
        this.vertx = vertx;
    }

    /**
     * The pool's keys, made now if it has none yet: the RSA generation (up to seconds of CPU) on a worker thread, not
     * on the event loop; two replicas making them at once keep the first stored.
     */
    public Uni<PoolKeys> of(String poolId) {
        return transactions.session(() -> keys.ofPool(poolId)).chain(stored -> {
            if (stored.size() == 2) {
                return Uni.createFrom().item(opened(poolId, stored));
            }
            Instant now = Instant.now();
            return vertx.executeBlocking(() -> List.of(made(poolId, SIGNING, now), made(poolId, ENCRYPTION, now)),
                    false).chain(
                            made -> transactions.transaction(() -> keys.insertIfAbsent(poolId, made.get(0), now)
                                    .chain(() -> keys.insertIfAbsent(poolId, made.get(1), now))
                                    .chain(() -> keys.ofPool(poolId))))
                    .map(again -> opened(poolId, again));
        });
    }

    private StoredKey made(String poolId, String use, Instant now) {
        try {
            KeyPair pair = RsaKeys.generate();
            X509Certificate certificate = SelfSignedCertificates.issue(pair, "cognate " + poolId + " " + use, now,
                    now.plus(VALIDITY));
            return new StoredKey(use, aead.seal(Purpose.SAML_KEY, context(poolId, use), pair.getPrivate()
                    .getEncoded()), certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private PoolKeys opened(String poolId, List<StoredKey> stored) {
        Key signing = null;
        Key encryption = null;
        for (StoredKey key : stored) {
            Key opened = new Key(aead.open(Purpose.SAML_KEY, context(poolId, key.use()), key.privateKeySealed()),
                    certificate(key.certificate()));
            if (SIGNING.equals(key.use())) {
                signing = opened;
            } else {
                encryption = opened;
            }
        }
        return new PoolKeys(signing, encryption);
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String context(String poolId, String use) {
        return poolId + "\u0000" + use;
    }
}
