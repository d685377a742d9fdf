package io.cognate.token.oauth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Sign in with Apple's client secret: not a shared secret but a short-lived JWT the app signs with its own key (ES256,
 * the key id and team id Apple issued), {@code iss} the team, {@code sub} the Services ID (client_id), {@code aud}
 * Apple ("https://appleid.apple.com"), valid five minutes.
 */
final class AppleClientSecrets {
    private static final String AUDIENCE = "https://appleid.apple.com";

    private AppleClientSecrets() {
    }

    static String of(String clientId, String teamId, String keyId, String privateKeyPem, Instant now) {
        try {
            byte[] der = Base64.getDecoder().decode(privateKeyPem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", ""));
            ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(
                    new PKCS8EncodedKeySpec(der));
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).build(),
                    new JWTClaimsSet.Builder().issuer(teamId).subject(clientId).audience(AUDIENCE)
                            .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).build());
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException | JOSEException e) {
            throw new ExternalProviders.ProviderException("The SignInWithApple provider's private_key cannot sign "
                    + "the client secret.");
        }
    }
}
