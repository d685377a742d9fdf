package io.cognate.oidc;

import java.nio.charset.StandardCharsets;
import java.security.Key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

/** Whether a token's signature is good: by its issuer's key (RSA or EC), or by a shared secret (HMAC). */
public final class Signatures {
    private static final DefaultJWSVerifierFactory VERIFIERS = new DefaultJWSVerifierFactory();

    private Signatures() {
    }

    /** Signed by the key of the token's {@code kid} (or the set's only key when it names none); never "none" or HMAC. */
    public static boolean signedBy(SignedJWT jwt, JWKSet keys) {
        String kid = jwt.getHeader().getKeyID();
        JWK key = kid == null ? (keys.getKeys().size() == 1 ? keys.getKeys().get(0) : null) : keys.getKeyByKeyId(kid);
        if (!(key instanceof AsymmetricJWK asymmetric)) {
            return false;
        }
        try {
            Key publicKey = asymmetric.toPublicKey();
            JWSVerifier verifier = VERIFIERS.createJWSVerifier(jwt.getHeader(), publicKey);
            return jwt.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    /** Signed with HS256/384/512 under {@code secret} (an OIDC provider's client secret, as OIDC Core §10.1 allows). */
    public static boolean signedWithSecret(SignedJWT jwt, String secret) {
        if (!JWSAlgorithm.Family.HMAC_SHA.contains(jwt.getHeader().getAlgorithm()) || secret == null
                || secret.isEmpty()) {
            return false;
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            return false; // shorter than HS256 needs: no valid signature was made with it
        }
        try {
            return jwt.verify(new MACVerifier(key));
        } catch (JOSEException e) {
            return false;
        }
    }
}
