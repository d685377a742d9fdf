package io.cognate.it.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * AWS SDK for Java v2 clients pointed at the stack, exactly as an application would configure them: endpoint
 * override, region, static credentials. Retries are off so that a test sees the first answer the service gives.
 */
public final class Cognito {

    private static CognitoIdentityProviderClient admin;
    private static CognitoIdentityProviderClient anonymous;
    private static CognitoIdentityProviderClient secondReplica;

    private Cognito() {
    }

    /**
     * Signed with the stack's admin credentials; public actions (SignUp, InitiateAuth, …) go unsigned, as the SDK sends them.
     */
    public static synchronized CognitoIdentityProviderClient admin() {
        if (admin == null) {
            Stack stack = Stack.get();
            admin = client(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(stack.adminAccessKeyId(), stack.adminSecretAccessKey())));
        }
        return admin;
    }

    /** No credentials at all, as a browser or mobile app calls the public actions. */
    public static synchronized CognitoIdentityProviderClient anonymous() {
        if (anonymous == null) {
            anonymous = client(AnonymousCredentialsProvider.create());
        }
        return anonymous;
    }

    /** The second replica of user-pool-service, signed with the admin credentials (public actions unsigned). */
    public static synchronized CognitoIdentityProviderClient secondReplica() {
        if (secondReplica == null) {
            Stack stack = Stack.get();
            secondReplica = client(StaticCredentialsProvider.create(AwsBasicCredentials.create(stack.adminAccessKeyId(),
                    stack.adminSecretAccessKey())), stack.secondUserPoolEndpoint());
        }
        return secondReplica;
    }

    /** A client with the given credentials; the caller closes it. */
    public static CognitoIdentityProviderClient client(AwsCredentialsProvider credentials) {
        return client(credentials, Stack.get().userPoolEndpoint());
    }

    private static CognitoIdentityProviderClient client(AwsCredentialsProvider credentials, URI endpoint) {
        Stack stack = Stack.get();
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(stack.region()))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30))
                        .build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(30)))
                .build();
    }

    /** Cognito's SECRET_HASH: Base64(HMAC-SHA256(key = client secret, message = username + client id)). */
    public static String secretHash(String username, String clientId, String clientSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
