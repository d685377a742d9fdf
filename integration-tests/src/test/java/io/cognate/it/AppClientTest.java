package io.cognate.it;

import static io.cognate.it.support.TestUsers.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.Jwt;
import io.cognate.it.support.Names;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolClientsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * CreateUserPoolClient, DescribeUserPoolClient, UpdateUserPoolClient, DeleteUserPoolClient, ListUserPoolClients, and
 * what a client's settings do at sign-in: secret and SECRET_HASH, allowed flows, token validity, read and write
 * attribute permissions.
 */
class AppClientTest {

    private final CognitoIdentityProviderClient cognito = Cognito.admin();

    @Test
    void createUserPoolClientThenDescribeReturnsItsSettings() {
        String poolId = TestPools.createPool(b -> {
        });
        String name = Names.unique("it-client");
        UserPoolClientType created = cognito.createUserPoolClient(b -> b.userPoolId(poolId)
                .clientName(name)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .readAttributes("email", "custom:team")
                .writeAttributes("email")
                .accessTokenValidity(2)
                .idTokenValidity(3)
                .refreshTokenValidity(4)
                .tokenValidityUnits(u -> u.accessToken(TimeUnitsType.HOURS)
                        .idToken(TimeUnitsType.HOURS)
                        .refreshToken(TimeUnitsType.DAYS)))
                .userPoolClient();

        assertTrue(created.clientId().matches("[\\w+]+"), () -> "client id: " + created.clientId());
        assertNull(created.clientSecret(), "no secret unless GenerateSecret");
        UserPoolClientType described = cognito.describeUserPoolClient(b -> b.userPoolId(poolId)
                .clientId(created.clientId())).userPoolClient();
        assertEquals(poolId, described.userPoolId());
        assertEquals(name, described.clientName());
        assertEquals(Set.of(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH),
                Set.copyOf(described.explicitAuthFlows()));
        assertEquals(Set.of("email", "custom:team"), Set.copyOf(described.readAttributes()));
        assertEquals(List.of("email"), described.writeAttributes());
        assertEquals(2, described.accessTokenValidity());
        assertEquals(3, described.idTokenValidity());
        assertEquals(4, described.refreshTokenValidity());
        assertEquals(TimeUnitsType.HOURS, described.tokenValidityUnits().accessToken());
        assertEquals(TimeUnitsType.DAYS, described.tokenValidityUnits().refreshToken());
        assertNotNull(described.creationDate());
        assertNotNull(described.lastModifiedDate());
    }

    @Test
    void createUserPoolClientWhenPoolUnknownThenResourceNotFound() {
        Expect.error(ResourceNotFoundException.class, () -> cognito.createUserPoolClient(b -> b
                .userPoolId("us-east-1_doesNotExist4")
                .clientName("x")));
    }

    @Test
    void clientSecretGivenThenItIsTheSecretTheSecretHashUses() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        String secret = "my-own-secret+of-thirty-two-chars".replace("-", "_");
        UserPoolClientType created = TestPools.client(pool.id(), b -> b.clientSecret(secret));

        assertEquals(secret, created.clientSecret());
        cognito.adminInitiateAuth(b -> b.userPoolId(pool.id()).clientId(created.clientId())
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", user.username(),
                        "PASSWORD", user.password(), "SECRET_HASH", Cognito.secretHash(user.username(),
                                created.clientId(), secret))));
    }

    @Test
    void clientSecretWhenWithGenerateSecretOrMalformedThenInvalidParameter() {
        String poolId = TestPools.createPool(b -> {
        });
        Expect.errorMentioning(InvalidParameterException.class, "GenerateSecret", () -> TestPools.client(poolId,
                b -> b.generateSecret(true).clientSecret("a".repeat(32))));
        Expect.errorMentioning(InvalidParameterException.class, "clientSecret", () -> TestPools.client(poolId,
                b -> b.clientSecret("too-short")));
        Expect.errorMentioning(InvalidParameterException.class, "clientSecret", () -> TestPools.client(poolId,
                b -> b.clientSecret("has spaces in it which the pattern refuses")));
    }

    @Test
    void analyticsConfigurationThenRefusedNamingIt() {
        String poolId = TestPools.createPool(b -> {
        });
        Expect.errorMentioning(InvalidParameterException.class, "AnalyticsConfiguration", () -> TestPools.client(poolId,
                b -> b.analyticsConfiguration(a -> a.applicationId("app").roleArn(
                        "arn:aws:iam::123456789012:role/pinpoint").externalId("x"))));
    }

    @Test
    void generateSecretThenDescribeReturnsSecretAndListDoesNot() {
        String poolId = TestPools.createPool(b -> {
        });
        UserPoolClientType created = TestPools.client(poolId, b -> b.generateSecret(true));
        assertNotNull(created.clientSecret());
        assertFalse(created.clientSecret().isBlank());
        assertEquals(created.clientSecret(), cognito.describeUserPoolClient(b -> b.userPoolId(poolId)
                .clientId(created.clientId())).userPoolClient().clientSecret());
        UserPoolClientDescription listed = cognito.listUserPoolClients(b -> b.userPoolId(poolId).maxResults(60))
                .userPoolClients().get(0);
        assertEquals(created.clientId(), listed.clientId());
        assertEquals(created.clientName(), listed.clientName());
        assertEquals(poolId, listed.userPoolId());
    }

    @Test
    void updateUserPoolClientThenDescribeReflectsTheChange() {
        TestPool pool = TestPools.pool();
        String name = Names.unique("renamed");
        cognito.updateUserPoolClient(b -> b.userPoolId(pool.id())
                .clientId(pool.clientId())
                .clientName(name)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
        UserPoolClientType described = cognito.describeUserPoolClient(b -> b.userPoolId(pool.id())
                .clientId(pool.clientId())).userPoolClient();
        assertEquals(name, described.clientName());
        assertEquals(Set.of(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH),
                Set.copyOf(described.explicitAuthFlows()));

        TestUser user = TestUsers.confirmed(pool);
        Expect.errorMentioning(InvalidParameterException.class, "flow not enabled for this client",
                () -> SignIn.password(pool, user));
    }

    @Test
    void deleteUserPoolClientThenDescribeAndSignInResourceNotFound() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        cognito.deleteUserPoolClient(b -> b.userPoolId(pool.id()).clientId(pool.clientId()));
        Expect.error(ResourceNotFoundException.class, () -> cognito.describeUserPoolClient(b -> b
                .userPoolId(pool.id()).clientId(pool.clientId())));
        Expect.error(ResourceNotFoundException.class, () -> SignIn.password(pool, user));
    }

    @Test
    void initiateAuthWhenClientUnknownThenResourceNotFound() {
        Expect.error(ResourceNotFoundException.class, () -> SignIn.password("unknownclientid0000000000", "someone",
                TestPools.PASSWORD));
    }

    @Test
    void listUserPoolClientsThenPagesHoldAtMostMaxResultsAndTogetherHoldEveryClient() {
        String poolId = TestPools.createPool(b -> {
        });
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            mine.add(TestPools.client(poolId, b -> {
            }).clientId());
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListUserPoolClientsResponse page = cognito.listUserPoolClients(b -> b.userPoolId(poolId)
                    .maxResults(2)
                    .nextToken(next));
            assertTrue(page.userPoolClients().size() <= 2);
            page.userPoolClients().forEach(c -> seen.add(c.clientId()));
            token = page.nextToken();
            pages++;
        } while (token != null && pages < 10);
        assertEquals(mine, Set.copyOf(seen));
        assertEquals(3, seen.size());
        assertEquals(2, pages);
    }

    @Test
    void signInWhenClientHasSecretAndNoSecretHashThenNotAuthorized() {
        TestPool pool = TestPools.pool();
        UserPoolClientType client = TestPools.client(pool.id(), b -> b.generateSecret(true));
        TestUser user = TestUsers.confirmed(pool);
        Expect.error(NotAuthorizedException.class,
                "Client " + client.clientId() + " is configured with secret but SECRET_HASH was not received",
                () -> SignIn.password(client.clientId(), user.username(), user.password()));
    }

    @Test
    void signInWhenSecretHashWrongThenNotAuthorized() {
        TestPool pool = TestPools.pool();
        UserPoolClientType client = TestPools.client(pool.id(), b -> b.generateSecret(true));
        TestUser user = TestUsers.confirmed(pool);
        String wrong = Cognito.secretHash(user.username(), client.clientId(), client.clientSecret() + "x");
        Expect.error(NotAuthorizedException.class, "Unable to verify secret hash for client " + client.clientId(),
                () -> Cognito.anonymous().initiateAuth(b -> b.clientId(client.clientId())
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", user.username(), "PASSWORD", user.password(),
                                "SECRET_HASH", wrong))));
    }

    @Test
    void signInWhenSecretHashRightThenTokens() {
        TestPool pool = TestPools.pool();
        UserPoolClientType client = TestPools.client(pool.id(), b -> b.generateSecret(true));
        TestUser user = TestUsers.confirmed(pool);
        String hash = Cognito.secretHash(user.username(), client.clientId(), client.clientSecret());
        AuthenticationResultType result = Cognito.anonymous().initiateAuth(b -> b.clientId(client.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", user.username(), "PASSWORD", user.password(),
                        "SECRET_HASH", hash)))
                .authenticationResult();
        assertNotNull(result.accessToken());
        assertEquals(client.clientId(), Jwt.claims(result.accessToken()).path("client_id").asText());
    }

    @Test
    void signUpWhenClientHasSecretAndNoSecretHashThenNotAuthorized() {
        TestPool pool = TestPools.pool();
        UserPoolClientType client = TestPools.client(pool.id(), b -> b.generateSecret(true));
        Expect.error(NotAuthorizedException.class, () -> Cognito.anonymous().signUp(b -> b
                .clientId(client.clientId())
                .username(Names.unique("user"))
                .password(TestPools.PASSWORD)
                .userAttributes(attribute("email", Names.email("user")))));
    }

    @Test
    void signUpWhenSecretHashRightThenUserCreated() {
        TestPool pool = TestPools.pool();
        UserPoolClientType client = TestPools.client(pool.id(), b -> b.generateSecret(true));
        String username = Names.unique("user");
        String sub = Cognito.anonymous().signUp(b -> b.clientId(client.clientId())
                .username(username)
                .secretHash(Cognito.secretHash(username, client.clientId(), client.clientSecret()))
                .password(TestPools.PASSWORD)
                .userAttributes(attribute("email", Names.email("user")))).userSub();
        assertNotNull(sub);
    }

    @Test
    void legacyFlowNamesThenPasswordAndAdminPasswordSignInWork() {
        TestPool pool = TestPools.pool();
        UserPoolClientType client = TestPools.client(pool.id(), b -> b.explicitAuthFlows(
                ExplicitAuthFlowsType.ADMIN_NO_SRP_AUTH, ExplicitAuthFlowsType.USER_PASSWORD_AUTH));
        TestUser user = TestUsers.confirmed(pool);

        assertNotNull(SignIn.password(client.clientId(), user.username(), user.password()).accessToken());
        // ADMIN_NO_SRP_AUTH is the old name of ADMIN_USER_PASSWORD_AUTH.
        assertNotNull(cognito.adminInitiateAuth(b -> b.userPoolId(pool.id())
                .clientId(client.clientId())
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", user.username(), "PASSWORD", user.password())))
                .authenticationResult().accessToken());
    }

    @Test
    void signInWhenPasswordFlowNotEnabledThenInvalidParameter() {
        TestPool pool = TestPools.pool();
        UserPoolClientType client = TestPools.client(pool.id(), b -> b.explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
        TestUser user = TestUsers.confirmed(pool);
        Expect.error(InvalidParameterException.class, "USER_PASSWORD_AUTH flow not enabled for this client",
                () -> SignIn.password(client.clientId(), user.username(), user.password()));
    }

    @Test
    void adminSignInWhenAdminFlowNotEnabledThenInvalidParameter() {
        TestPool pool = TestPools.pool();
        UserPoolClientType client = TestPools.client(pool.id(), b -> b.explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
        TestUser user = TestUsers.confirmed(pool);
        Expect.errorMentioning(InvalidParameterException.class, "flow not enabled for this client",
                () -> cognito.adminInitiateAuth(b -> b.userPoolId(pool.id())
                        .clientId(client.clientId())
                        .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", user.username(), "PASSWORD", user.password()))));
    }

    @Test
    void tokenValidityInMinutesThenExpiresInAndTokenLifetimesFollow() {
        TestPool pool = TestPools.pool();
        UserPoolClientType client = TestPools.client(pool.id(), b -> b.accessTokenValidity(5)
                .idTokenValidity(10)
                .refreshTokenValidity(1)
                .tokenValidityUnits(u -> u.accessToken(TimeUnitsType.MINUTES)
                        .idToken(TimeUnitsType.MINUTES)
                        .refreshToken(TimeUnitsType.DAYS)));
        TestUser user = TestUsers.confirmed(pool);

        AuthenticationResultType result = SignIn.password(client.clientId(), user.username(), user.password());
        assertEquals(300, result.expiresIn(), "ExpiresIn is the access token's lifetime in seconds");
        JsonNode access = Jwt.claims(result.accessToken());
        JsonNode id = Jwt.claims(result.idToken());
        assertEquals(300, access.path("exp").asLong() - access.path("iat").asLong());
        assertEquals(600, id.path("exp").asLong() - id.path("iat").asLong());
    }

    @Test
    void tokenValidityDefaultThenOneHour() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        AuthenticationResultType result = SignIn.password(pool, user);
        assertEquals(3600, result.expiresIn());
        JsonNode id = Jwt.claims(result.idToken());
        assertEquals(3600, id.path("exp").asLong() - id.path("iat").asLong());
    }

    @Test
    void readAttributesThenIdTokenAndGetUserShowOnlyReadableAttributes() {
        TestPool pool = TestPools.pool();
        UserPoolClientType client = TestPools.client(pool.id(), b -> b.readAttributes("email", "email_verified"));
        TestUser user = TestUsers.confirmed(pool, attribute("given_name", "Ada"), attribute("custom:team", "blue"));

        AuthenticationResultType result = SignIn.password(client.clientId(), user.username(), user.password());
        JsonNode id = Jwt.claims(result.idToken());
        assertEquals(user.email(), id.path("email").asText());
        assertEquals(user.sub(), id.path("sub").asText(), "sub is always in the ID token");
        assertFalse(id.has("given_name"), "given_name is not readable by this client");
        assertFalse(id.has("custom:team"), "custom:team is not readable by this client");

        List<String> names = Cognito.anonymous().getUser(b -> b.accessToken(result.accessToken())).userAttributes()
                .stream().map(a -> a.name()).toList();
        assertTrue(names.contains("email"), () -> "GetUser attributes: " + names);
        assertFalse(names.contains("given_name"), () -> "GetUser attributes: " + names);
        assertFalse(names.contains("custom:team"), () -> "GetUser attributes: " + names);

        // The standard client has no ReadAttributes restriction and sees everything.
        JsonNode full = Jwt.claims(SignIn.password(pool, user).idToken());
        assertEquals("Ada", full.path("given_name").asText());
        assertEquals("blue", full.path("custom:team").asText());
    }

    @Test
    void updateUserAttributesWhenAttributeNotWritableThenNotAuthorized() {
        TestPool pool = TestPools.pool();
        // Cognito wants a pool's required attributes (email here) writable by every client.
        UserPoolClientType client = TestPools.client(pool.id(), b -> b.writeAttributes("email", "given_name"));
        TestUser user = TestUsers.confirmed(pool);
        String accessToken = SignIn.password(client.clientId(), user.username(), user.password()).accessToken();

        Expect.error(NotAuthorizedException.class, () -> Cognito.anonymous().updateUserAttributes(b -> b
                .accessToken(accessToken)
                .userAttributes(attribute("custom:team", "red"))));
        Cognito.anonymous().updateUserAttributes(b -> b.accessToken(accessToken)
                .userAttributes(attribute("given_name", "Grace")));
        var attributes = cognito.adminGetUser(b -> b.userPoolId(pool.id()).username(user.username()))
                .userAttributes();
        assertEquals("Grace", attribute(attributes, "given_name"));
        assertNull(attribute(attributes, "custom:team"));
    }
}
