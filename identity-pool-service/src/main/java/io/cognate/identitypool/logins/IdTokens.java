package io.cognate.identitypool.logins;

import java.security.Key;
import java.text.ParseException;
import java.time.Clock;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** The checks every login's ID token goes through, in Cognito's words: its form, its expiry, its signature. */
final class IdTokens {
    private static final DefaultJWSVerifierFactory VERIFIERS = new DefaultJWSVerifierFactory();

    /** A parsed token and its claims. */
    record Parsed(SignedJWT jwt, JWTClaimsSet claims) {
    }

    private IdTokens() {
    }

    static Parsed parse(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            return new Parsed(jwt, jwt.getJWTClaimsSet());
        } catch (ParseException e) {
            throw rejected("Invalid login token. Not a valid OpenId Connect identity token.");
        }
    }

    static void requireUnexpired(JWTClaimsSet claims, Clock clock) {
        long now = clock.instant().getEpochSecond();
        long exp = claims.getExpirationTime() == null ? 0 : claims.getExpirationTime().toInstant().getEpochSecond();
        if (now >= exp) {
            throw rejected("Invalid login token. Token expired: " + now + " >= " + exp);
        }
    }

    /** Checks the signature by the issuer's key of the token's {@code kid} (RSA or EC; never "none" or HMAC). */
    static void requireSignedBy(Parsed token, JWKSet keys) {
        String kid = token.jwt().getHeader().getKeyID();
        JWK key = kid == null ? (keys.getKeys().size() == 1 ? keys.getKeys().get(0) : null) : keys.getKeyByKeyId(kid);
        if (!(key instanceof AsymmetricJWK asymmetric) || !verified(token.jwt(), asymmetric)) {
            throw rejected("Invalid login token. Couldn't verify signed token.");
        }
    }

    private static boolean verified(SignedJWT jwt, AsymmetricJWK key) {
        try {
            Key publicKey = key.toPublicKey();
            JWSVerifier verifier = VERIFIERS.createJWSVerifier(jwt.getHeader(), publicKey);
            return jwt.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    static LoginRejectedException rejected(String message) {
        return new LoginRejectedException(message, false);
    }
}
