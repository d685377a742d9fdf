package io.cognate.it.support;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS SDK for Java v2 clients of identity pools, STS and IAM pointed at identity-pool-service as an app or admin
 * configures them, and small factories: a role with a trust policy and an inline policy, an identity pool whose logins
 * are a test user pool's.
 */
public final class IdentityPools {
    private static CognitoIdentityClient admin;
    private static CognitoIdentityClient anonymous;
    private static IamClient iam;
    private static StsClient anonymousSts;

    private IdentityPools() {
    }

    public static synchronized CognitoIdentityClient admin() {
        if (admin == null) {
            admin = identity(adminCredentials());
        }
        return admin;
    }

    /** Unsigned, as apps call GetId, GetCredentialsForIdentity and GetOpenIdToken. */
    public static synchronized CognitoIdentityClient anonymous() {
        if (anonymous == null) {
            anonymous = identity(AnonymousCredentialsProvider.create());
        }
        return anonymous;
    }

    public static synchronized IamClient iam() {
        if (iam == null) {
            iam = IamClient.builder().endpointOverride(endpoint()).region(Region.AWS_GLOBAL)
                    .credentialsProvider(adminCredentials()).httpClient(http())
                    .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        }
        return iam;
    }

    /** Unsigned, as AssumeRoleWithWebIdentity is called. */
    public static synchronized StsClient anonymousSts() {
        if (anonymousSts == null) {
            anonymousSts = sts(AnonymousCredentialsProvider.create());
        }
        return anonymousSts;
    }

    public static StsClient sts(AwsCredentialsProvider credentials) {
        return StsClient.builder().endpointOverride(endpoint()).region(Region.of(Stack.get().region()))
                .credentialsProvider(credentials).httpClient(http())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    public static URI endpoint() {
        return Stack.get().identityPoolEndpoint();
    }

    /** The Logins key of a Cognate user pool, as the SDKs and Amplify derive it. */
    public static String providerKey(String userPoolId) {
        return "cognito-idp." + Stack.get().region() + ".amazonaws.com/" + userPoolId;
    }

    /** An identity pool (guests {@code allowGuests}) whose logins are the test pool's app client's ID tokens. */
    public static String pool(TestPool userPool, boolean allowGuests) {
        return admin().createIdentityPool(r -> r.identityPoolName(Names.unique("ip")).allowUnauthenticatedIdentities(
                allowGuests).allowClassicFlow(true).cognitoIdentityProviders(CognitoIdentityProvider.builder()
                        .providerName(providerKey(userPool.id())).clientId(userPool.clientId()).build()))
                .identityPoolId();
    }

    /**
     * A role that identities of {@code poolId} may assume when their amr matches {@code amr} ("authenticated" or
     * "unauthenticated"), with {@code permissions} (a policy document, or null for none) inline.
     */
    public static String role(String poolId, String amr, String permissions) {
        String name = Names.unique("ip-role");
        String trust = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"Federated": "cognito-identity.amazonaws.com"},
                  "Action": ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"],
                  "Condition": {"StringEquals": {"cognito-identity.amazonaws.com:aud": "%s"},
                                "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "%s"}}}]}
                """.formatted(poolId, amr);
        String arn = iam().createRole(r -> r.roleName(name).assumeRolePolicyDocument(trust)).role().arn();
        if (permissions != null) {
            iam().putRolePolicy(r -> r.roleName(name).policyName("access").policyDocument(permissions));
        }
        return arn;
    }

    public static void roles(String poolId, String authenticated, String unauthenticated) {
        Map<String, String> roles = new java.util.HashMap<>();
        if (authenticated != null) {
            roles.put("authenticated", authenticated);
        }
        if (unauthenticated != null) {
            roles.put("unauthenticated", unauthenticated);
        }
        admin().setIdentityPoolRoles(r -> r.identityPoolId(poolId).roles(roles));
    }

    public static Map<String, String> logins(TestPool userPool, String idToken) {
        return Map.of(providerKey(userPool.id()), idToken);
    }

    private static AwsCredentialsProvider adminCredentials() {
        Stack stack = Stack.get();
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(stack.adminAccessKeyId(),
                stack.adminSecretAccessKey()));
    }

    private static CognitoIdentityClient identity(AwsCredentialsProvider credentials) {
        return CognitoIdentityClient.builder().endpointOverride(endpoint()).region(Region.of(Stack.get().region()))
                .credentialsProvider(credentials).httpClient(http())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(30)))
                .build();
    }

    private static software.amazon.awssdk.http.SdkHttpClient http() {
        return UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30)).build();
    }
}
