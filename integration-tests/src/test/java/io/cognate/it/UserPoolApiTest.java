package io.cognate.it;

import static io.cognate.it.support.TestUsers.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.Names;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUsers;
import io.cognate.it.support.Tokens;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/** CreateUserPool, DescribeUserPool, UpdateUserPool, DeleteUserPool, ListUserPools, AddCustomAttributes. */
class UserPoolApiTest {

    private final CognitoIdentityProviderClient cognito = Cognito.admin();

    @Test
    void createUserPoolThenIdHasRegionPrefixAndDescribeReturnsSettings() {
        String name = Names.unique("it-pool");
        CreateUserPoolResponse created = cognito.createUserPool(b -> b.poolName(name)
                .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(10)
                        .requireUppercase(true)
                        .requireLowercase(true)
                        .requireNumbers(true)
                        .requireSymbols(true)))
                .schema(SchemaAttributeType.builder()
                        .name("email")
                        .attributeDataType(AttributeDataType.STRING)
                        .required(true)
                        .mutable(true)
                        .build(),
                        SchemaAttributeType.builder()
                                .name("tier")
                                .attributeDataType(AttributeDataType.STRING)
                                .mutable(true)
                                .stringAttributeConstraints(c -> c.minLength("1").maxLength("20"))
                                .build(),
                        SchemaAttributeType.builder()
                                .name("age")
                                .attributeDataType(AttributeDataType.NUMBER)
                                .mutable(false)
                                .numberAttributeConstraints(c -> c.minValue("0").maxValue("150"))
                                .build())
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .usernameAttributes(UsernameAttributeType.EMAIL)
                .usernameConfiguration(c -> c.caseSensitive(false)));

        UserPoolType pool = created.userPool();
        String region = Stack.get().region();
        assertTrue(pool.id().matches(region.replace("-", "\\-") + "_[A-Za-z0-9]+"),
                () -> "pool id must look like " + region + "_xxxxxxxxx: " + pool.id());
        assertEquals(name, pool.name());

        UserPoolType described = cognito.describeUserPool(b -> b.userPoolId(pool.id())).userPool();
        assertEquals(pool.id(), described.id());
        assertEquals(name, described.name());
        assertNotNull(described.creationDate());
        assertNotNull(described.lastModifiedDate());
        assertEquals(10, described.policies().passwordPolicy().minimumLength());
        assertTrue(described.policies().passwordPolicy().requireSymbols());
        assertEquals(List.of(UsernameAttributeType.EMAIL), described.usernameAttributes());
        assertEquals(List.of(VerifiedAttributeType.EMAIL), described.autoVerifiedAttributes());
        assertEquals(Boolean.FALSE, described.usernameConfiguration().caseSensitive());
        Map<String, SchemaAttributeType> schema = described.schemaAttributes().stream()
                .collect(Collectors.toMap(SchemaAttributeType::name, a -> a));
        // Cognito reports custom attributes with their "custom:" prefix, beside the standard ones.
        assertTrue(schema.containsKey("custom:tier"), () -> "schema: " + schema.keySet());
        assertTrue(schema.containsKey("custom:age"), () -> "schema: " + schema.keySet());
        assertEquals(AttributeDataType.NUMBER, schema.get("custom:age").attributeDataType());
        assertEquals(Boolean.FALSE, schema.get("custom:age").mutable());
        assertEquals("20", schema.get("custom:tier").stringAttributeConstraints().maxLength());
        assertTrue(schema.containsKey("sub"), "the standard attributes are part of the schema");
        assertEquals(Boolean.TRUE, schema.get("email").required());
    }

    @Test
    void describeUserPoolWhenUnknownThenResourceNotFound() {
        String unknown = Stack.get().region() + "_doesNotExist1";
        Expect.error(ResourceNotFoundException.class, () -> cognito.describeUserPool(b -> b.userPoolId(unknown)));
    }

    @Test
    void createUserPoolWhenUsernameAndAliasAttributesBothSetThenInvalidParameter() {
        Expect.error(InvalidParameterException.class, () -> cognito.createUserPool(b -> b
                .poolName(Names.unique("it-pool"))
                .usernameAttributes(UsernameAttributeType.EMAIL)
                .aliasAttributes(AliasAttributeType.PREFERRED_USERNAME)));
    }

    @Test
    void updateUserPoolThenNewPasswordPolicyApplies() {
        TestPool pool = TestPools.pool();
        cognito.updateUserPool(b -> b.userPoolId(pool.id())
                .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(20)
                        .requireUppercase(true)
                        .requireLowercase(true)
                        .requireNumbers(true)
                        .requireSymbols(false)))
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL));

        UserPoolType described = cognito.describeUserPool(b -> b.userPoolId(pool.id())).userPool();
        assertEquals(20, described.policies().passwordPolicy().minimumLength());
        // The standard password (16 characters) no longer fits the policy.
        Expect.error(InvalidPasswordException.class, () -> Cognito.anonymous().signUp(b -> b
                .clientId(pool.clientId())
                .username(Names.unique("user"))
                .password(TestPools.PASSWORD)
                .userAttributes(attribute("email", Names.email("user")))));
    }

    @Test
    void deleteUserPoolThenDescribeResourceNotFound() {
        String poolId = TestPools.createPool(b -> {
        });
        cognito.deleteUserPool(b -> b.userPoolId(poolId));
        Expect.error(ResourceNotFoundException.class, () -> cognito.describeUserPool(b -> b.userPoolId(poolId)));
    }

    @Test
    void deleteUserPoolThenItsSigningKeysAndRefreshTokenFamiliesGoToo() throws Exception {
        TestPool pool = TestPools.pool();
        SignIn.password(pool, TestUsers.confirmed(pool));
        assertEquals(200, httpStatus(Tokens.jwksUrl(pool.id())));

        cognito.deleteUserPool(b -> b.userPoolId(pool.id()));

        // The replica that did not take the deletion (gRPC calls are balanced across token-service's replicas) may
        // serve its cached key set until COGNATE_KEY_CACHE_TTL (1 s in the test stack) has passed.
        int status = httpStatus(Tokens.jwksUrl(pool.id()));
        for (long deadline = System.nanoTime() + 5_000_000_000L; status != 404 && System.nanoTime() < deadline;) {
            Thread.sleep(200);
            status = httpStatus(Tokens.jwksUrl(pool.id()));
        }
        assertEquals(404, status);
        try (Connection db = Stack.get().database("cognate_token")) {
            for (String table : List.of("signing_key", "refresh_token_family")) {
                try (PreparedStatement count = db.prepareStatement("select count(*) from " + table
                        + " where user_pool_id = ?")) {
                    count.setString(1, pool.id());
                    try (ResultSet rows = count.executeQuery()) {
                        rows.next();
                        assertEquals(0, rows.getLong(1), table);
                    }
                }
            }
        }
    }

    private static int httpStatus(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void deleteUserPoolWhenUnknownThenResourceNotFound() {
        String unknown = Stack.get().region() + "_doesNotExist2";
        Expect.error(ResourceNotFoundException.class, () -> cognito.deleteUserPool(b -> b.userPoolId(unknown)));
    }

    @Test
    void listUserPoolsThenPagesHoldAtMostMaxResultsAndTogetherHoldEveryPool() {
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            mine.add(TestPools.createPool(b -> {
            }));
        }

        // A first page of two, then the rest in pages of up to 60 (the largest MaxResults) to stay fast
        // however many pools earlier runs left behind.
        ListUserPoolsResponse first = cognito.listUserPools(b -> b.maxResults(2));
        assertTrue(first.userPools().size() <= 2, "a page holds at most MaxResults pools");
        assertNotNull(first.nextToken(), "with at least three pools, two per page leaves a next page");
        List<String> seen = new ArrayList<>(first.userPools().stream().map(UserPoolDescriptionType::id).toList());
        String token = first.nextToken();
        int pages = 1;
        while (token != null && pages < 10_000) {
            String next = token;
            ListUserPoolsResponse page = cognito.listUserPools(b -> b.maxResults(60).nextToken(next));
            assertTrue(page.userPools().size() <= 60, "a page holds at most MaxResults pools");
            for (UserPoolDescriptionType pool : page.userPools()) {
                assertNotNull(pool.name());
                seen.add(pool.id());
            }
            token = page.nextToken();
            pages++;
        }

        assertTrue(seen.containsAll(mine), "every pool appears on some page");
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no pool appears on two pages");
    }

    @Test
    void listUserPoolsWhenMaxResultsOutOfRangeThenInvalidParameter() {
        Expect.error(InvalidParameterException.class, () -> cognito.listUserPools(b -> b.maxResults(61)));
    }

    @Test
    void addCustomAttributesThenDescribeShowsThemAndUsersCanHaveThem() {
        TestPool pool = TestPools.pool();
        cognito.addCustomAttributes(b -> b.userPoolId(pool.id())
                .customAttributes(SchemaAttributeType.builder()
                        .name("level")
                        .attributeDataType(AttributeDataType.NUMBER)
                        .mutable(true)
                        .build()));

        List<String> names = cognito.describeUserPool(b -> b.userPoolId(pool.id())).userPool().schemaAttributes()
                .stream().map(SchemaAttributeType::name).toList();
        assertTrue(names.contains("custom:level"), () -> "schema: " + names);

        String username = Names.unique("user");
        cognito.adminCreateUser(b -> b.userPoolId(pool.id())
                .username(username)
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attribute("email", Names.email("user")), attribute("custom:level", "7")));
        assertEquals("7", attribute(cognito.adminGetUser(b -> b.userPoolId(pool.id()).username(username))
                .userAttributes(), "custom:level"));
    }

    @Test
    void addCustomAttributesWhenPoolUnknownThenResourceNotFound() {
        String unknown = Stack.get().region() + "_doesNotExist3";
        Expect.error(ResourceNotFoundException.class, () -> cognito.addCustomAttributes(b -> b.userPoolId(unknown)
                .customAttributes(SchemaAttributeType.builder()
                        .name("x")
                        .attributeDataType(AttributeDataType.STRING)
                        .build())));
    }

    @Test
    void usernameAttributesEmailThenUserSignsInWithEmailAndUsernameIsGenerated() {
        TestPool pool = TestPools.pool(b -> b.usernameAttributes(UsernameAttributeType.EMAIL));
        String email = Names.email("user");
        String sub = Cognito.anonymous().signUp(b -> b.clientId(pool.clientId())
                .username(email)
                .password(TestPools.PASSWORD)).userSub();
        cognito.adminConfirmSignUp(b -> b.userPoolId(pool.id()).username(email));

        String username = cognito.adminGetUser(b -> b.userPoolId(pool.id()).username(email)).username();
        // With email as username Cognito keeps the email as an attribute and makes the username a UUID.
        assertFalse(username.equalsIgnoreCase(email), "the username is generated, not the email");
        assertTrue(username.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
                () -> "generated username: " + username);
        assertEquals(email, attribute(cognito.adminGetUser(b -> b.userPoolId(pool.id()).username(email))
                .userAttributes(), "email"));
        assertNotNull(sub);

        String accessToken = SignIn.password(pool.clientId(), email, TestPools.PASSWORD).accessToken();
        assertEquals(username, Cognito.anonymous().getUser(b -> b.accessToken(accessToken)).username());
    }

    @Test
    void usernameAttributesEmailWhenSignUpWithNonEmailUsernameThenInvalidParameter() {
        TestPool pool = TestPools.pool(b -> b.usernameAttributes(UsernameAttributeType.EMAIL));
        Expect.error(InvalidParameterException.class, () -> Cognito.anonymous().signUp(b -> b
                .clientId(pool.clientId())
                .username(Names.unique("notanemail"))
                .password(TestPools.PASSWORD)));
    }

    @Test
    void aliasAttributesEmailThenVerifiedEmailSignsInAsTheUser() {
        TestPool pool = TestPools.pool(b -> b.aliasAttributes(AliasAttributeType.EMAIL,
                AliasAttributeType.PREFERRED_USERNAME));
        String username = Names.unique("user");
        String email = Names.email("user");
        cognito.adminCreateUser(b -> b.userPoolId(pool.id())
                .username(username)
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attribute("email", email), attribute("email_verified", "true")));
        cognito.adminSetUserPassword(b -> b.userPoolId(pool.id())
                .username(username)
                .password(TestPools.PASSWORD)
                .permanent(true));

        var result = cognito.adminInitiateAuth(b -> b.userPoolId(pool.id())
                .clientId(pool.clientId())
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", TestPools.PASSWORD)));
        assertNull(result.challengeName());
        assertEquals(username, Cognito.anonymous().getUser(b -> b.accessToken(result.authenticationResult()
                .accessToken())).username());
        assertEquals(username, cognito.adminGetUser(b -> b.userPoolId(pool.id()).username(email)).username(),
                "AdminGetUser resolves a verified alias to its user");
    }

    @Test
    void usernameCaseInsensitiveThenOtherCaseFindsTheUserAndCannotSignUpAgain() {
        TestPool pool = TestPools.pool();
        String username = Names.unique("MixedCase");
        Cognito.anonymous().signUp(b -> b.clientId(pool.clientId())
                .username(username)
                .password(TestPools.PASSWORD)
                .userAttributes(attribute("email", Names.email("user"))));

        assertNotNull(cognito.adminGetUser(b -> b.userPoolId(pool.id()).username(username.toLowerCase()))
                .username());
        Expect.error(UsernameExistsException.class, () -> Cognito.anonymous().signUp(b -> b
                .clientId(pool.clientId())
                .username(username.toUpperCase())
                .password(TestPools.PASSWORD)
                .userAttributes(attribute("email", Names.email("user")))));
    }
}
