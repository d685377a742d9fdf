package io.cognate.rp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * A pool of the running test stack for the app, made as an operator makes one with the AWS SDK: a domain, an app
 * client with a secret and the app's callback, a user. The app gets the pool's issuer, the client id and secret as
 * its quarkus-oidc configuration.
 */
public class CognatePool implements QuarkusTestResourceLifecycleManager {
    static final String PASSWORD = "Correct-Horse-42";
    static String username;
    static String email;

    @Override
    public Map<String, String> start() {
        Map<String, String> stack = stackEnv();
        try (CognitoIdentityProviderClient admin = CognitoIdentityProviderClient.builder()
                .endpointOverride(URI.create(stack.get("COGNATE_USER_POOL_ENDPOINT"))).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        stack.get("COGNATE_ADMIN_ACCESS_KEY_ID"), stack.get("COGNATE_ADMIN_SECRET_ACCESS_KEY"))))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String poolId = admin.createUserPool(b -> b.poolName("quarkus-rp-" + suffix)).userPool().id();
            admin.createUserPoolDomain(b -> b.userPoolId(poolId).domain("rp" + suffix));
            UserPoolClientType client = admin.createUserPoolClient(b -> b.userPoolId(poolId).clientName("quarkus-app")
                    .generateSecret(true).allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                    .allowedOAuthScopes("openid", "email", "profile").supportedIdentityProviders("COGNITO")
                    .callbackURLs("http://localhost:18890/profile")).userPoolClient();
            username = "rp-user-" + suffix;
            email = username + "@example.test";
            admin.adminCreateUser(b -> b.userPoolId(poolId).username(username).messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(a -> a.name("email").value(email), a -> a.name("email_verified").value("true")));
            admin.adminSetUserPassword(b -> b.userPoolId(poolId).username(username).password(PASSWORD).permanent(true));

            Map<String, String> config = new HashMap<>();
            config.put("quarkus.oidc.auth-server-url", stack.get("COGNATE_ISSUER_BASE_URL") + "/" + poolId);
            config.put("quarkus.oidc.client-id", client.clientId());
            config.put("quarkus.oidc.credentials.secret", client.clientSecret());
            return config;
        }
    }

    @Override
    public void stop() {
    }

    /** The running test stack's KEY=VALUE file, as ./cognate test writes it. */
    private static Map<String, String> stackEnv() {
        Map<String, String> env = new HashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of(System.getProperty("cognate.state"), "stack.env"))) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    env.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }
}
