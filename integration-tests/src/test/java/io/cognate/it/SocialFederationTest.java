package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.HostedUi;
import io.cognate.it.support.IdentityPools;
import io.cognate.it.support.Pem;
import io.cognate.it.support.RelyingParty;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPools;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;

/**
 * The social providers other than Google, each a preset of Cognito's endpoints pointed by the test stack's
 * configuration at a stand-in that speaks its protocol ({@code src/test/node/idp-social.mjs}): Facebook's Graph API
 * and Login with Amazon (OAuth 2.0, the user from the profile API) and Sign in with Apple (OpenID Connect with the
 * ES256 client-secret JWT, answering by form_post); a user signs in through each button of the hosted page with an
 * off-the-shelf relying party.
 */
class SocialFederationTest {
    private static final Path NODE_DIR = Path.of(System.getProperty("user.dir")).resolve("src/test/node");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CognitoIdentityProviderClient admin = Cognito.admin();

    @Test
    void facebookAmazonAndAppleUsersSignInThroughTheHostedPageButtons() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair apple = ec.generateKeyPair();
        Process standIns = start(Map.of("FACEBOOK_CLIENT_ID", "fb-app", "FACEBOOK_SECRET", "fb-secret-0123456789",
                "AMAZON_CLIENT_ID", "amzn1.application-oa2-client.test", "AMAZON_SECRET", "amzn-secret-0123456789",
                "AMAZON_APP_ID", "amzn1.application.test",
                "APPLE_CLIENT_ID", "com.example.web", "APPLE_TEAM_ID", "TEAM123456", "APPLE_KEY_ID", "KEY1234567",
                "APPLE_PUBLIC_KEY", Pem.of("PUBLIC KEY", apple.getPublic().getEncoded())));
        HttpServer app = RelyingParty.callbackServer();
        try {
            String poolId = TestPools.createPool(b -> {
            });
            String domain = HostedUi.domain(poolId);
            admin.createIdentityProvider(b -> b.userPoolId(poolId).providerName("Facebook")
                    .providerType(IdentityProviderTypeType.FACEBOOK).providerDetails(Map.of("client_id", "fb-app",
                            "client_secret", "fb-secret-0123456789", "authorize_scopes", "public_profile,email"))
                    .attributeMapping(Map.of("email", "email", "name", "name")));
            admin.createIdentityProvider(b -> b.userPoolId(poolId).providerName("LoginWithAmazon")
                    .providerType(IdentityProviderTypeType.LOGIN_WITH_AMAZON).providerDetails(Map.of("client_id",
                            "amzn1.application-oa2-client.test", "client_secret", "amzn-secret-0123456789",
                            "authorize_scopes", "profile"))
                    .attributeMapping(Map.of("email", "email")));
            String privateKey = Pem.of("PRIVATE KEY", apple.getPrivate().getEncoded());
            admin.createIdentityProvider(b -> b.userPoolId(poolId).providerName("SignInWithApple")
                    .providerType(IdentityProviderTypeType.SIGN_IN_WITH_APPLE).providerDetails(Map.of("client_id",
                            "com.example.web", "team_id", "TEAM123456", "key_id", "KEY1234567", "private_key",
                            privateKey, "authorize_scopes", "email name"))
                    .attributeMapping(Map.of("email", "email")));
            HostedUi.App client = HostedUi.app(poolId, domain, RelyingParty.callback(app), b -> b
                    .supportedIdentityProviders("COGNITO", "Facebook", "LoginWithAmazon", "SignInWithApple"));

            var facebook = admin.describeIdentityProvider(b -> b.userPoolId(poolId).providerName("Facebook"))
                    .identityProvider().providerDetails();
            assertEquals("http://127.0.0.1:" + Stack.get().socialIdpPort() + "/facebook/v17.0/dialog/oauth",
                    facebook.get("authorize_url"), facebook.toString());
            assertEquals("GET", facebook.get("token_request_method"));

            JsonNode fb = RelyingParty.signInThroughIdp(client, "Facebook", "frank").path("idTokenClaims");
            assertEquals("Facebook_fbfrank", fb.path("cognito:username").asText(), fb.toString());
            assertEquals("Facebook", fb.path("identities").path(0).path("providerType").asText());
            assertEquals("frank@facebook.example", fb.path("email").asText());
            assertEquals(List.of(poolId + "_Facebook"), JSON.convertValue(fb.path("cognito:groups"), List.class));

            JsonNode amazon = RelyingParty.signInThroughIdp(client, "LoginWithAmazon", "gina").path("idTokenClaims");
            assertEquals("LoginWithAmazon_amzn1.account.gina", amazon.path("cognito:username").asText(),
                    amazon.toString());
            assertEquals("gina@amazon.example", amazon.path("email").asText());

            JsonNode appleUser = RelyingParty.signInThroughIdp(client, "SignInWithApple", "hank")
                    .path("idTokenClaims");
            assertEquals("SignInWithApple_000123.hank", appleUser.path("cognito:username").asText(),
                    appleUser.toString());
            assertEquals("hank@privaterelay.example", appleUser.path("email").asText());

            // An identity pool takes Facebook's and Amazon's access tokens directly, checked by their APIs.
            String identityPool = IdentityPools.admin().createIdentityPool(r -> r.identityPoolName("social")
                    .allowUnauthenticatedIdentities(false).supportedLoginProviders(Map.of("graph.facebook.com",
                            "fb-app", "www.amazon.com", "amzn1.application.test")))
                    .identityPoolId();
            IdentityPools.roles(identityPool, IdentityPools.role(identityPool, "authenticated", null), null);
            for (String provider : List.of("facebook", "amazon")) {
                String key = provider.equals("facebook") ? "graph.facebook.com" : "www.amazon.com";
                Map<String, String> logins = Map.of(key, accessToken(provider, "ivy"));
                String identity = IdentityPools.anonymous().getId(r -> r.identityPoolId(identityPool).logins(logins))
                        .identityId();
                assertTrue(IdentityPools.anonymous().getCredentialsForIdentity(r -> r.identityId(identity)
                        .logins(logins)).credentials().accessKeyId().startsWith("ASIA"));
                Map<String, String> again = Map.of(key, accessToken(provider, "ivy"));
                assertEquals(identity, IdentityPools.anonymous().getId(r -> r.identityPoolId(identityPool)
                        .logins(again)).identityId(), "the same user, the same identity");
                AwsServiceException forged = assertThrows(AwsServiceException.class, () -> IdentityPools.anonymous()
                        .getId(r -> r.identityPoolId(identityPool).logins(Map.of(key, "forged-token"))));
                assertEquals("NotAuthorizedException", forged.awsErrorDetails().errorCode(), forged::getMessage);
            }

            AwsServiceException badKey = assertThrows(AwsServiceException.class, () -> admin.updateIdentityProvider(
                    b -> b.userPoolId(poolId).providerName("SignInWithApple").providerDetails(Map.of("client_id",
                            "com.example.web", "team_id", "TEAM123456", "key_id", "KEY1234567", "private_key",
                            "not a key", "authorize_scopes", "email"))));
            assertEquals("InvalidParameterException", badKey.awsErrorDetails().errorCode());
            AwsServiceException misnamed = assertThrows(AwsServiceException.class, () -> admin.createIdentityProvider(
                    b -> b.userPoolId(poolId).providerName("Amazon").providerType(
                            IdentityProviderTypeType.LOGIN_WITH_AMAZON).providerDetails(
                                    Map.of("client_id", "x",
                                            "client_secret", "y", "authorize_scopes", "profile"))));
            assertTrue(misnamed.awsErrorDetails().errorMessage().contains("cannot be of type LoginWithAmazon"));
        } finally {
            standIns.destroy();
            app.stop(0);
        }
    }

    private static String accessToken(String provider, String login) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Stack.get()
                .socialIdpPort() + "/test/access-token?provider=" + provider + "&login=" + login)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Process start(Map<String, String> env) throws Exception {
        ProcessBuilder node = new ProcessBuilder("node", "idp-social.mjs").directory(NODE_DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        node.environment().putAll(env);
        node.environment().put("PORT", Integer.toString(Stack.get().socialIdpPort()));
        Process process = node.start();
        if (new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                .readLine() == null) {
            throw new AssertionError("the social stand-ins did not start");
        }
        return process;
    }
}
