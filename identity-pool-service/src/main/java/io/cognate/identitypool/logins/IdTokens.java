package io.cognate.identitypool.logins;

import java.text.ParseException;
import java.time.Clock;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.cognate.oidc.Signatures;

/** The checks every login's ID token goes through, in Cognito's words: its form, its expiry, its signature. */
final class IdTokens {
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
        if (!Signatures.signedBy(token.jwt(), keys)) {
            throw rejected("Invalid login token. Couldn't verify signed token.");
        }
    }

    static LoginRejectedException rejected(String message) {
        return new LoginRejectedException(message, false);
    }
}
