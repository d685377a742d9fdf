package io.cognate.identitypool.service;

import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import io.cognate.crypto.Aead;
import io.cognate.crypto.Purpose;
import io.cognate.crypto.RsaKeys;
import io.cognate.database.rows.Transactions;
import io.cognate.identitypool.repository.OpenIdSigningKeyEntity;
import io.cognate.identitypool.repository.OpenIdSigningKeyRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * The RSA keys of the OpenID tokens: the newest signs, all are published. The first token creates the first key; the
 * private half is stored sealed under the KEK (context {@code cognito-identity NUL <kid>}), and kept in memory once
 * opened.
 */
@ApplicationScoped
public class OpenIdKeys {
    private final OpenIdSigningKeyRepository repository;
    private final Aead aead;
    private final Clock clock;
    private final Transactions transactions;
    private final Vertx vertx;
    private volatile RSAKey signing;
    /** This replica's copy of the published keys: a key never changes under its kid, so it is good while it has it. */
    private volatile JWKSet verifying = new JWKSet();

    public OpenIdKeys(OpenIdSigningKeyRepository repository, Aead aead, Clock clock, Transactions transactions,
            Vertx vertx) {
        this.repository = repository;
        this.aead = aead;
        this.clock = clock;
        this.transactions = transactions;
        this.vertx = vertx;
    }

    /** The key that signs, with its private half. */
    public Uni<RSAKey> signingKey() {
        RSAKey key = signing;
        if (key != null) {
            return Uni.createFrom().item(key);
        }
        return loadOrCreate().invoke(loaded -> signing = loaded);
    }

    /** Every key's public half, for the JWKS and for checking tokens. */
    public Uni<JWKSet> published() {
        return transactions.session(() -> repository.newestFirst().map(rows -> new JWKSet(rows.stream()
                .map(row -> (JWK) rsa(row, null)).toList())));
    }

    /** The published keys, for checking a token signed by {@code kid}: read again only for a kid not seen yet. */
    public Uni<JWKSet> verifying(String kid) {
        JWKSet copy = verifying;
        if (kid != null && copy.getKeyByKeyId(kid) != null) {
            return Uni.createFrom().item(copy);
        }
        return published().invoke(read -> verifying = read);
    }

    /** The newest key, or a first one made now: the RSA generation on a worker thread, not on the event loop. */
    Uni<RSAKey> loadOrCreate() {
        return transactions.session(() -> repository.newestFirst()).chain(rows -> {
            if (!rows.isEmpty()) {
                OpenIdSigningKeyEntity newest = rows.get(0);
                return Uni.createFrom().item(rsa(newest, privateKey(newest)));
            }
            return vertx.executeBlocking(RsaKeys::generate, false).chain(pair -> {
                OpenIdSigningKeyEntity row = new OpenIdSigningKeyEntity();
                row.kid = "cognate-" + UUID.randomUUID();
                row.publicKey = pair.getPublic().getEncoded();
                row.privateKeySealed = aead.seal(Purpose.SIGNING_KEY, context(row.kid), pair.getPrivate()
                        .getEncoded());
                row.createdAt = clock.instant();
                return transactions.transaction(() -> repository.persist(row)).map(saved -> rsa(saved,
                        (RSAPrivateKey) pair.getPrivate()));
            });
        });
    }

    private RSAPrivateKey privateKey(OpenIdSigningKeyEntity row) {
        return RsaKeys.privateKey(aead.open(Purpose.SIGNING_KEY, context(row.kid), row.privateKeySealed));
    }

    private static RSAKey rsa(OpenIdSigningKeyEntity row, RSAPrivateKey privateKey) {
        RSAKey.Builder builder = new RSAKey.Builder(RsaKeys.publicKey(row.publicKey)).keyID(row.kid)
                .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS512);
        return privateKey == null ? builder.build() : builder.privateKey(privateKey).build();
    }

    /** The same purpose as user pools' signing keys, in a context no user pool id can take. */
    private static String context(String kid) {
        return "cognito-identity\u0000" + kid;
    }
}
