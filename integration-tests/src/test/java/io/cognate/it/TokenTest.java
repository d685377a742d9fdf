package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Jwt;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;
import io.cognate.it.support.Tokens;

import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * ID and access tokens verified with Nimbus against the pool's JWKS, their claims, and the OIDC discovery document.
 */
class TokenTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void idTokenVerifiesWithJwksAndCarriesCognitoClaims() throws Exception {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool, TestUsers.attribute("given_name", "Ada"));
        AuthenticationResultType tokens = SignIn.password(pool, user);

        IDTokenClaimsSet claims = Tokens.verifyIdToken(pool.id(), pool.clientId(), tokens.idToken());
        JWTClaimsSet jwt = claims.toJWTClaimsSet();
        assertEquals(pool.issuer(), claims.getIssuer().getValue());
        assertEquals(user.sub(), claims.getSubject().getValue());
        assertEquals(List.of(pool.clientId()), jwt.getAudience());
        assertEquals("id", jwt.getStringClaim("token_use"));
        assertEquals(user.username(), jwt.getStringClaim("cognito:username"));
        assertEquals(user.email(), jwt.getStringClaim("email"));
        assertEquals(Boolean.TRUE, jwt.getBooleanClaim("email_verified"),
                "email_verified is a JSON boolean in the ID token");
        assertEquals("Ada", jwt.getStringClaim("given_name"));
        assertNotNull(jwt.getJWTID());
        assertTrue(jwt.getStringClaim("origin_jti").matches(UUID), "origin_jti");
        assertTrue(jwt.getStringClaim("event_id").matches(UUID), "event_id");
        long iat = jwt.getIssueTime().getTime() / 1000;
        long authTime = jwt.getLongClaim("auth_time");
        assertTrue(Math.abs(authTime - iat) <= 5, "auth_time is the sign-in time");
        assertEquals(3600, jwt.getExpirationTime().getTime() / 1000 - iat);
        assertEquals("RS256", Jwt.header(tokens.idToken()).path("alg").asText());
        assertFalse(Jwt.header(tokens.idToken()).path("kid").asText().isEmpty(), "the header names its key");
        assertEquals(List.of("pwd"), jwt.getStringListClaim("amr"), "a password alone authenticated the user");
    }

    @Test
    void accessTokenVerifiesWithJwksAndCarriesCognitoClaims() throws ParseException {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        AuthenticationResultType tokens = SignIn.password(pool, user);

        JWTClaimsSet claims = Tokens.verifyAccessToken(pool.id(), tokens.accessToken());
        assertEquals(pool.issuer(), claims.getIssuer());
        assertEquals(user.sub(), claims.getSubject());
        assertEquals("access", claims.getStringClaim("token_use"));
        assertEquals(pool.clientId(), claims.getStringClaim("client_id"));
        assertEquals("aws.cognito.signin.user.admin", claims.getStringClaim("scope"));
        assertEquals(user.username(), claims.getStringClaim("username"));
        assertTrue(claims.getAudience().isEmpty(), "Cognito access tokens have no aud claim; client_id names the client");
        assertNotNull(claims.getJWTID());
        assertTrue(claims.getStringClaim("origin_jti").matches(UUID));
        assertTrue(claims.getStringClaim("event_id").matches(UUID));
        assertNotNull(claims.getLongClaim("auth_time"));
        assertEquals(3600, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
    }

    @Test
    void idAndAccessTokensOfOneSignInShareOriginJtiEventIdAndAuthTime() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        AuthenticationResultType tokens = SignIn.password(pool, user);
        JsonNode id = Jwt.claims(tokens.idToken());
        JsonNode access = Jwt.claims(tokens.accessToken());
        assertEquals(id.path("origin_jti").asText(), access.path("origin_jti").asText());
        assertEquals(id.path("event_id").asText(), access.path("event_id").asText());
        assertEquals(id.path("auth_time").asLong(), access.path("auth_time").asLong());
        assertNotEquals(id.path("jti").asText(), access.path("jti").asText(), "each token has its own jti");
    }

    @Test
    void refreshedTokensKeepOriginJtiAndAuthTimeAndVerify() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        AuthenticationResultType first = SignIn.password(pool, user);
        AuthenticationResultType refreshed = Cognito.anonymous().initiateAuth(b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", first.refreshToken()))).authenticationResult();

        Tokens.verifyIdToken(pool.id(), pool.clientId(), refreshed.idToken());
        Tokens.verifyAccessToken(pool.id(), refreshed.accessToken());
        JsonNode before = Jwt.claims(first.accessToken());
        JsonNode after = Jwt.claims(refreshed.accessToken());
        assertEquals(before.path("origin_jti").asText(), after.path("origin_jti").asText(),
                "origin_jti ties every token to the refresh token's original sign-in");
        assertEquals(before.path("auth_time").asLong(), after.path("auth_time").asLong(),
                "auth_time stays the time the user authenticated");
        assertNotEquals(before.path("jti").asText(), after.path("jti").asText());
    }

    @Test
    void idTokenWhenVerifiedForOtherClientThenRejected() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        String idToken = SignIn.password(pool, user).idToken();
        assertThrows(AssertionError.class, () -> Tokens.verifyIdToken(pool.id(), "someotherclient", idToken));
    }

    @Test
    void tokenOfOnePoolDoesNotVerifyAsAnotherPools() {
        TestPool one = TestPools.pool();
        TestPool other = TestPools.pool();
        TestUser user = TestUsers.confirmed(one);
        String accessToken = SignIn.password(one, user).accessToken();
        assertThrows(AssertionError.class, () -> Tokens.verifyAccessToken(other.id(), accessToken));
    }

    @Test
    void discoveryDocumentNamesIssuerAndJwksUri() throws GeneralException, IOException {
        TestPool pool = TestPools.pool();
        // Nimbus fetches {issuer}/.well-known/openid-configuration and checks that its issuer is the issuer asked for.
        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(pool.issuer()));
        assertEquals(pool.issuer(), metadata.getIssuer().getValue());
        assertEquals(URI.create(Tokens.jwksUrl(pool.id())), metadata.getJWKSetURI());
        assertTrue(metadata.getIDTokenJWSAlgs().contains(JWSAlgorithm.RS256));
    }

    @Test
    void jwksHoldsThePublicKeyThatSignedTheTokens() throws IOException, ParseException {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        String kid = Jwt.header(SignIn.password(pool, user).idToken()).path("kid").asText();
        JWKSet keys = JWKSet.load(URI.create(Tokens.jwksUrl(pool.id())).toURL());
        assertNotNull(keys.getKeyByKeyId(kid), "the JWKS holds the key named by the token's kid");
        keys.getKeys().forEach(key -> assertFalse(key.isPrivate(), "the JWKS publishes public keys only"));
    }

    @Test
    void discoveryWhenPoolUnknownThenClientError() throws IOException, InterruptedException {
        String unknown = Stack.get().issuer(Stack.get().region() + "_doesNotExist5");
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(unknown + "/.well-known/openid-configuration"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                () -> "an unknown pool has no discovery document: HTTP " + response.statusCode());
    }
}
