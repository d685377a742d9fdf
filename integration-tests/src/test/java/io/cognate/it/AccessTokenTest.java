package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.Jwt;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/** GetUser (and every call that takes an access token) accepts only the pool's own, unaltered access tokens. */
class AccessTokenTest {

    private final CognitoIdentityProviderClient anonymous = Cognito.anonymous();

    @Test
    void getUserWhenClaimsAlteredThenInvalidAccessToken() {
        TestPool pool = TestPools.pool();
        TestUser alice = TestUsers.confirmed(pool);
        TestUser bob = TestUsers.confirmed(pool);
        String aliceToken = SignIn.password(pool, alice).accessToken();
        String bobSub = Jwt.claims(SignIn.password(pool, bob).accessToken()).path("sub").asText();
        ObjectNode claims = (ObjectNode) Jwt.claims(aliceToken);
        claims.put("sub", bobSub);
        String[] parts = aliceToken.split("\\.");
        String altered = parts[0] + "." + base64Url(claims.toString()) + "." + parts[2];

        Expect.error(NotAuthorizedException.class, "Invalid Access Token",
                () -> anonymous.getUser(b -> b.accessToken(altered)));
    }

    @Test
    void getUserWhenSignedByAnotherKeyUnderThePoolsKidThenInvalidAccessToken() throws Exception {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        String genuine = SignIn.password(pool, user).accessToken();
        String forged = resign(genuine);

        Expect.error(NotAuthorizedException.class, "Invalid Access Token",
                () -> anonymous.getUser(b -> b.accessToken(forged)));
    }

    @Test
    void getUserWhenIdTokenThenInvalidAccessToken() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        AuthenticationResultType tokens = SignIn.password(pool, user);

        Expect.error(NotAuthorizedException.class, "Invalid Access Token",
                () -> anonymous.getUser(b -> b.accessToken(tokens.idToken())));
    }

    @Test
    void getUserWhenTokenOfAnotherPoolWithItsIssuerRewrittenThenInvalidAccessToken() {
        TestPool pool = TestPools.pool();
        TestPool other = TestPools.pool();
        TestUser user = TestUsers.confirmed(other);
        String token = SignIn.password(other, user).accessToken();
        ObjectNode claims = (ObjectNode) Jwt.claims(token);
        claims.put("iss", claims.path("iss").asText().replace(other.id(), pool.id()));
        String[] parts = token.split("\\.");
        String moved = parts[0] + "." + base64Url(claims.toString()) + "." + parts[2];

        Expect.error(NotAuthorizedException.class, "Invalid Access Token",
                () -> anonymous.getUser(b -> b.accessToken(moved)));
        assertEquals(user.username(), anonymous.getUser(b -> b.accessToken(token)).username());
    }

    /** The same header and claims, signed with a fresh RSA key instead of the pool's. */
    private static String resign(String jwt) throws JOSEException, ParseException {
        SignedJWT genuine = SignedJWT.parse(jwt);
        var attacker = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(genuine.getHeader().getKeyID()).build(), JWTClaimsSet.parse(genuine.getJWTClaimsSet().toJSONObject()));
        forged.sign(new RSASSASigner(attacker));
        return forged.serialize();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
