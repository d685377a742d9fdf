package io.cognate.it;

import static io.cognate.it.support.TestUsers.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.HostedUi;
import io.cognate.it.support.Jwt;
import io.cognate.it.support.LambdaShims;
import io.cognate.it.support.Mailbox;
import io.cognate.it.support.Names;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;
import io.cognate.it.support.UserEvents;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidLambdaResponseException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreTokenGenerationLambdaVersionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnexpectedLambdaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * Lambda triggers run by trigger-gateway: unmodified handler code (src/test/lambda, Node and Python) behind the
 * project's Invoke API shims, each trigger's event and effect through the AWS SDK, and Cognito's error for each way a
 * handler fails.
 */
class TriggersTest {
    private final CognitoIdentityProviderClient anonymous = Cognito.anonymous();
    private final CognitoIdentityProviderClient admin = Cognito.admin();

    @BeforeAll
    static void handlers() {
        LambdaShims.start();
    }

    private static TestPool pool(Consumer<LambdaConfigType.Builder> lambda) {
        return TestPools.pool(b -> b.lambdaConfig(config -> lambda.accept(config)));
    }

    private SignUpResponse signUp(TestPool pool, String username, String email) {
        return anonymous.signUp(b -> b.clientId(pool.clientId()).username(username).password(TestPools.PASSWORD)
                .userAttributes(attribute("email", email)));
    }

    @Test
    void lambdaConfigWhenGivenThenDescribedAndReplacedByUpdate() {
        TestPool pool = pool(l -> l.preSignUp(LambdaShims.arn("pre-signup"))
                .preTokenGenerationConfig(c -> c.lambdaArn(LambdaShims.arn("pre-token-v2"))
                        .lambdaVersion(PreTokenGenerationLambdaVersionType.V2_0)));

        LambdaConfigType described = admin.describeUserPool(b -> b.userPoolId(pool.id())).userPool().lambdaConfig();
        assertEquals(LambdaShims.arn("pre-signup"), described.preSignUp());
        assertEquals(LambdaShims.arn("pre-token-v2"), described.preTokenGeneration());
        assertEquals(PreTokenGenerationLambdaVersionType.V2_0, described.preTokenGenerationConfig().lambdaVersion());

        // UpdateUserPool replaces what it leaves out with the default: no trigger.
        admin.updateUserPool(b -> b.userPoolId(pool.id()).autoVerifiedAttributesWithStrings("email"));
        assertNull(admin.describeUserPool(b -> b.userPoolId(pool.id())).userPool().lambdaConfig().preSignUp());
    }

    @Test
    void lambdaConfigWhenInvalidOrNotYetRunThenRefused() {
        Expect.errorMentioning(InvalidParameterException.class, "regular expression pattern",
                () -> pool(l -> l.preSignUp("https://handlers.example/pre-signup")));
        Expect.error(InvalidParameterException.class,
                "PreTokenGeneration and PreTokenGenerationConfig.LambdaArn must be identical.",
                () -> pool(l -> l.preTokenGeneration(LambdaShims.arn("pre-token-v1"))
                        .preTokenGenerationConfig(c -> c.lambdaArn(LambdaShims.arn("pre-token-v2"))
                                .lambdaVersion(PreTokenGenerationLambdaVersionType.V2_0))));
        Expect.errorMentioning(InvalidParameterException.class, "LambdaVersion",
                () -> pool(l -> l.inboundFederation(c -> c.lambdaArn(LambdaShims.arn("record"))
                        .lambdaVersion("V2_0"))));
    }

    @Test
    void preTokenV3WhenClientCredentialsThenTheHandlerCustomizesTheMachineTokenAndUserTokensAlike() {
        HostedUi.App machine = ClientCredentialsTest.machine(b -> b.lambdaConfig(l -> l.preTokenGenerationConfig(
                c -> c.lambdaArn(LambdaShims.arn("pre-token-v3")).lambdaVersion(PreTokenGenerationLambdaVersionType.V3_0))));

        HttpResponse<String> response = HostedUi.token(machine, Map.of("grant_type", "client_credentials",
                "aws_client_metadata", "{\"tenantHint\":\"acme\"}"));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode claims = Jwt.claims(HostedUi.json(response).path("access_token").asText());
        assertEquals("acme", claims.path("tenant").asText());
        assertEquals(machine.clientId(), claims.path("sub").asText(), "sub is not the trigger's to change");
        assertEquals("orders/read orders/audit", claims.path("scope").asText());

        JsonNode event = LambdaShims.events("pre-token-v3", machine.poolId()).get(0);
        assertEquals("3", event.path("version").asText());
        assertEquals("TokenGeneration_ClientCredentials", event.path("triggerSource").asText());
        assertEquals(machine.clientId(), event.path("callerContext").path("clientId").asText());
        assertEquals("[\"orders/read\",\"orders/write\"]", event.path("request").path("scopes").toString());
        assertEquals("acme", event.path("request").path("clientMetadata").path("tenantHint").asText(),
                "aws_client_metadata is the trigger's clientMetadata");
        HttpResponse<String> malformed = HostedUi.token(machine, Map.of("grant_type", "client_credentials",
                "aws_client_metadata", "[\"not\", \"an object\"]"));
        assertEquals(400, malformed.statusCode());
        assertEquals("invalid_request", HostedUi.json(malformed).path("error").asText());

        // A user's sign-in in the same pool: the V2-style event, as version "3".
        TestPool users = new TestPool(machine.poolId(), TestPools.client(machine.poolId(), b -> {
        }).clientId());
        SignIn.password(users, TestUsers.confirmed(users));
        JsonNode signIn = LambdaShims.events("pre-token-v3", machine.poolId()).get(1);
        assertEquals("3", signIn.path("version").asText());
        assertEquals("TokenGeneration_Authentication", signIn.path("triggerSource").asText());
    }

    @Test
    void invocationsWhenAnsweredOrFailedThenReportedAsCloudEventsAndMetrics() throws Exception {
        TestPool pool = pool(l -> l.preSignUp(LambdaShims.arn("pre-signup")));
        signUp(pool, Names.unique("reported"), Names.unique("reported") + "@trusted.example");
        Expect.error(UserLambdaValidationException.class, () -> signUp(pool, Names.unique("refused"),
                Names.unique("refused") + "@blocked.example"));

        List<CloudEvent> reports = UserEvents.awaitTopicCloudEvents("cognate.triggers.invocations", pool.id(),
                found -> found.size() >= 2, Duration.ofSeconds(15));
        assertEquals(List.of("io.cognate.trigger.TriggerInvoked", "io.cognate.trigger.TriggerFailed"),
                reports.stream().map(CloudEvent::getType).toList());
        JsonNode failed = new ObjectMapper().readTree(reports.get(1).getData().toBytes());
        assertEquals("PreSignUp", failed.path("trigger").asText());
        assertEquals(LambdaShims.arn("pre-signup"), failed.path("functionArn").asText());
        assertEquals("HANDLER_ERROR", failed.path("outcome").asText());
        assertFalse(failed.has("message"), "a handler's own words stay out of the reports");
        assertEquals("/userpools/" + pool.id(), reports.get(0).getSource().toString());

        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                Stack.get().value("COGNATE_TRIGGER_GATEWAY_MANAGEMENT_URL") + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(metrics.contains("cognate_trigger_invocations_seconds_count{outcome=\"HANDLER_ERROR\","
                + "trigger=\"PreSignUp\"}"), metrics);
    }

    @Test
    void preSignUpWhenHandlerConfirmsThenConfirmedVerifiedAndPostConfirmationRun() {
        TestPool pool = pool(l -> l.preSignUp(LambdaShims.arn("pre-signup"))
                .postConfirmation(LambdaShims.arn("record")));
        String username = Names.unique("user");

        SignUpResponse response = anonymous.signUp(b -> b.clientId(pool.clientId()).username(username)
                .password(TestPools.PASSWORD).userAttributes(attribute("email", username + "@trusted.example"))
                .clientMetadata(Map.of("source", "web")));

        assertTrue(response.userConfirmed());
        assertNull(response.codeDeliveryDetails());
        var user = admin.adminGetUser(b -> b.userPoolId(pool.id()).username(username));
        assertEquals(UserStatusType.CONFIRMED, user.userStatus());
        assertEquals("true", TestUsers.attribute(user.userAttributes(), "email_verified"));
        JsonNode preSignUp = LambdaShims.events("pre-signup", pool.id()).get(0);
        assertEquals("1", preSignUp.path("version").asText());
        assertEquals("PreSignUp_SignUp", preSignUp.path("triggerSource").asText());
        assertEquals("us-east-1", preSignUp.path("region").asText());
        assertEquals(username, preSignUp.path("userName").asText());
        assertEquals(pool.clientId(), preSignUp.path("callerContext").path("clientId").asText());
        // From the User-Agent of the SDK that called (aws-sdk-java/2.x ...), as Cognito derives it.
        assertTrue(preSignUp.path("callerContext").path("awsSdkVersion").asText().startsWith("aws-sdk-java-2."),
                preSignUp.path("callerContext").toString());
        assertEquals("web", preSignUp.path("request").path("clientMetadata").path("source").asText());
        JsonNode confirmation = LambdaShims.events("record", pool.id()).get(0);
        assertEquals("PostConfirmation_ConfirmSignUp", confirmation.path("triggerSource").asText());
        assertEquals("CONFIRMED", confirmation.path("request").path("userAttributes").path("cognito:user_status")
                .asText());
        assertEquals("web", confirmation.path("request").path("clientMetadata").path("source").asText());
        // Signed in at once: no code needed.
        SignIn.password(pool.clientId(), username, TestPools.PASSWORD);
    }

    @Test
    void preSignUpWhenHandlerThrowsThenItsMessageAndNoUser() {
        TestPool pool = pool(l -> l.preSignUp(LambdaShims.arn("pre-signup")));
        String username = Names.unique("user");

        Expect.error(UserLambdaValidationException.class,
                "PreSignUp failed with error Registration from this domain is not allowed..",
                () -> signUp(pool, username, username + "@blocked.example"));
        Expect.error(UserLambdaValidationException.class, "PreSignUp failed with error Invalid invitation.",
                () -> anonymous.signUp(b -> b.clientId(pool.clientId()).username(username)
                        .password(TestPools.PASSWORD).userAttributes(attribute("email", Names.email("user")))
                        .validationData(attribute("invitation", "guess"))));

        Expect.error(UserNotFoundException.class,
                () -> admin.adminGetUser(b -> b.userPoolId(pool.id()).username(username)));
        JsonNode event = LambdaShims.events("pre-signup", pool.id()).get(1);
        assertEquals("guess", event.path("request").path("validationData").path("invitation").asText());
    }

    @Test
    void preSignUpWhenAdminCreatesUserThenAdminSourceWithoutClient() {
        TestPool pool = pool(l -> l.preSignUp(LambdaShims.arn("pre-signup")));

        TestUser user = TestUsers.confirmed(pool);
        Expect.error(UserLambdaValidationException.class,
                "PreSignUp failed with error Registration from this domain is not allowed..",
                () -> admin.adminCreateUser(b -> b.userPoolId(pool.id()).username(Names.unique("user"))
                        .userAttributes(attribute("email", "x@blocked.example")).messageAction("SUPPRESS")));

        JsonNode event = LambdaShims.events("pre-signup", pool.id()).get(0);
        assertEquals("PreSignUp_AdminCreateUser", event.path("triggerSource").asText());
        assertEquals("CLIENT_ID_NOT_APPLICABLE", event.path("callerContext").path("clientId").asText());
        assertEquals(user.username(), event.path("userName").asText());
    }

    @Test
    void confirmSignUpWhenCodeGivenThenPostConfirmationAndPostAuthenticationRun() {
        TestPool pool = pool(l -> l.postConfirmation(LambdaShims.arn("record"))
                .postAuthentication(LambdaShims.arn("record")));
        TestUser user = TestUsers.signedUp(pool);
        String code = Mailbox.of(user.email()).awaitCode();

        anonymous.confirmSignUp(b -> b.clientId(pool.clientId()).username(user.username()).confirmationCode(code));
        SignIn.password(pool, user);

        List<JsonNode> events = LambdaShims.events("record", pool.id());
        assertEquals(List.of("PostConfirmation_ConfirmSignUp", "PostAuthentication_Authentication"),
                events.stream().map(e -> e.path("triggerSource").asText()).toList());
        assertFalse(events.get(1).path("request").path("newDeviceUsed").asBoolean());
        assertEquals(user.sub(), events.get(1).path("request").path("userAttributes").path("sub").asText());
    }

    @Test
    void preAuthenticationWhenHandlerRefusesThenNoSignInByPasswordOrSrp() {
        TestPool pool = pool(l -> l.preAuthentication(LambdaShims.arn("pre-authentication")));
        TestUser suspended = TestUsers.confirmed(pool, attribute("custom:team", "suspended"));
        TestUser active = TestUsers.confirmed(pool, attribute("custom:team", "blue"));

        Expect.error(UserLambdaValidationException.class,
                "PreAuthentication failed with error Your team is suspended.",
                () -> anonymous.initiateAuth(b -> b.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", suspended.username(), "PASSWORD", suspended.password()))
                        .clientMetadata(Map.of("app", "mobile"))));
        Expect.error(UserLambdaValidationException.class,
                "PreAuthentication failed with error Your team is suspended.",
                () -> SignIn.srp(pool, suspended.username(), suspended.password()));
        SignIn.srp(pool, active.username(), active.password());

        JsonNode event = LambdaShims.events("pre-authentication", pool.id()).get(0);
        assertEquals("PreAuthentication_Authentication", event.path("triggerSource").asText());
        assertEquals("mobile", event.path("request").path("validationData").path("app").asText(),
                "InitiateAuth's ClientMetadata reaches PreAuthentication as its validationData");
    }

    @Test
    void preTokenGenerationV1WhenHandlerOverridesThenIdTokenClaimsAndGroups() {
        TestPool pool = pool(l -> l.preTokenGeneration(LambdaShims.arn("pre-token-v1")));
        TestUser user = TestUsers.confirmed(pool);

        AuthenticationResultType tokens = SignIn.password(pool, user);

        JsonNode id = Jwt.claims(tokens.idToken());
        JsonNode access = Jwt.claims(tokens.accessToken());
        assertEquals("engineering", id.path("department").asText());
        assertEquals(user.sub(), id.path("sub").asText(), "sub is not the trigger's to change");
        assertTrue(id.path("email").isMissingNode());
        assertEquals("from-trigger", id.path("cognito:groups").get(0).asText());
        assertEquals("from-trigger", access.path("cognito:groups").get(0).asText());
        assertTrue(access.path("department").isMissingNode(), "V1 changes the ID token only");
        JsonNode event = LambdaShims.events("pre-token-v1", pool.id()).get(0);
        assertEquals("TokenGeneration_Authentication", event.path("triggerSource").asText());
        assertTrue(event.path("request").path("groupConfiguration").path("groupsToOverride").isArray());
    }

    @Test
    void preTokenGenerationV2WhenHandlerOverridesThenBothTokensAndScopes() {
        TestPool pool = pool(l -> l.preTokenGenerationConfig(c -> c.lambdaArn(LambdaShims.arn("pre-token-v2"))
                .lambdaVersion(PreTokenGenerationLambdaVersionType.V2_0)));
        TestUser user = TestUsers.confirmed(pool);

        AuthenticationResultType tokens = SignIn.password(pool, user);
        AuthenticationResultType refreshed = anonymous.initiateAuth(b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken()))).authenticationResult();

        JsonNode id = Jwt.claims(tokens.idToken());
        JsonNode access = Jwt.claims(refreshed.accessToken());
        assertEquals(42, id.path("tenant").path("id").asInt());
        assertEquals("pro", id.path("tenant").path("plan").asText());
        assertEquals("writer", access.path("roles").get(1).asText());
        assertEquals(pool.clientId(), access.path("client_id").asText(), "client_id is not the trigger's to change");
        assertEquals("aws.cognito.signin.user.admin orders/read", access.path("scope").asText());
        List<JsonNode> events = LambdaShims.events("pre-token-v2", pool.id());
        assertEquals("2", events.get(0).path("version").asText());
        assertEquals("TokenGeneration_RefreshTokens", events.get(1).path("triggerSource").asText());
        assertEquals("aws.cognito.signin.user.admin", events.get(0).path("request").path("scopes").get(0).asText());

        // GetTokensFromRefreshToken's ClientMetadata reaches PreTokenGeneration.
        anonymous.getTokensFromRefreshToken(b -> b.clientId(pool.clientId()).refreshToken(tokens.refreshToken())
                .clientMetadata(Map.of("channel", "mobile")));
        JsonNode byToken = LambdaShims.events("pre-token-v2", pool.id()).get(2);
        assertEquals("mobile", byToken.path("request").path("clientMetadata").path("channel").asText());
    }

    @Test
    void tokenTriggersWhenHandlerFailsThenNoTokens() {
        // The same handler code as PreAuthentication: it refuses users of the suspended team.
        TestPool preToken = pool(l -> l.preTokenGeneration(LambdaShims.arn("pre-authentication")));
        TestPool postAuthentication = pool(l -> l.postAuthentication(LambdaShims.arn("pre-authentication")));
        TestPool unreadable = pool(l -> l.preTokenGeneration(LambdaShims.arn("faulty-empty")));

        TestUser first = TestUsers.confirmed(preToken, attribute("custom:team", "suspended"));
        Expect.error(UserLambdaValidationException.class,
                "PreTokenGeneration failed with error Your team is suspended.",
                () -> SignIn.password(preToken, first));
        TestUser second = TestUsers.confirmed(postAuthentication, attribute("custom:team", "suspended"));
        Expect.error(UserLambdaValidationException.class,
                "PostAuthentication failed with error Your team is suspended.",
                () -> SignIn.srp(postAuthentication, second.username(), second.password()));
        TestUser third = TestUsers.confirmed(unreadable);
        Expect.error(InvalidLambdaResponseException.class, "Unrecognizable lambda output",
                () -> SignIn.password(unreadable, third));
    }

    @Test
    void customMessageWhenHandlerWritesTheMailsThenTheyAreSentWithTheCode() {
        TestPool pool = pool(l -> l.customMessage(LambdaShims.arn("custom-message")));
        TestUser user = TestUsers.signedUp(pool);

        Mailbox.Mail welcome = Mailbox.of(user.email()).awaitMessage();
        assertEquals("Welcome to Example", welcome.subject());
        String code = Mailbox.code(welcome.body()).orElseThrow();
        assertTrue(welcome.body().contains("Hello " + user.email() + ", your code is " + code + "."), welcome::body);
        anonymous.confirmSignUp(b -> b.clientId(pool.clientId()).username(user.username()).confirmationCode(code));

        anonymous.forgotPassword(b -> b.clientId(pool.clientId()).username(user.username())
                .clientMetadata(Map.of("locale", "en-GB")));
        Mailbox.Mail reset = Mailbox.of(user.email()).awaitMessages(2).get(1);
        assertEquals("Reset your Example password", reset.subject());
        assertTrue(reset.body().startsWith("Your reset code: "), reset::body);

        String invited = Names.unique("user");
        String invitedEmail = Names.email("user");
        admin.adminCreateUser(b -> b.userPoolId(pool.id()).username(invited)
                .userAttributes(attribute("email", invitedEmail)).desiredDeliveryMediumsWithStrings("EMAIL"));
        Mailbox.Mail invitation = Mailbox.of(invitedEmail).awaitMessage();
        assertEquals("You are invited to Example", invitation.subject());
        assertTrue(invitation.body().startsWith("Sign in as " + invited + " with "), invitation::body);

        List<String> sources = LambdaShims.events("custom-message", pool.id()).stream()
                .map(e -> e.path("triggerSource").asText()).toList();
        assertEquals(List.of("CustomMessage_SignUp", "CustomMessage_ForgotPassword", "CustomMessage_AdminCreateUser"),
                sources);
        JsonNode forgot = LambdaShims.events("custom-message", pool.id()).get(1);
        assertEquals("en-GB", forgot.path("request").path("clientMetadata").path("locale").asText(),
                "the action's ClientMetadata reaches the trigger of its message");
        JsonNode event = LambdaShims.events("custom-message", pool.id()).get(2);
        assertEquals("{####}", event.path("request").path("codeParameter").asText());
        assertEquals("{username}", event.path("request").path("usernameParameter").asText());
    }

    @Test
    void customMessageWhenTheCodeIsMissingThenInvalidLambdaResponse() {
        TestPool pool = pool(l -> l.customMessage(LambdaShims.arn("faulty-no-code")));

        Expect.error(InvalidLambdaResponseException.class, "Unrecognizable lambda output",
                () -> signUp(pool, Names.unique("user"), Names.email("user")));
    }

    @Test
    void userMigrationWhenOldSystemKnowsThePasswordThenCreatedOnceAndSignedIn() {
        TestPool pool = pool(l -> l.userMigration(LambdaShims.arn("user-migration")));
        String legacy = Names.unique("legacy");

        AuthenticationResultType tokens = SignIn.password(pool.clientId(), legacy, "Legacy-Pass-1");
        SignIn.password(pool.clientId(), legacy, "Legacy-Pass-1");

        assertEquals(legacy, Jwt.claims(tokens.accessToken()).path("username").asText());
        var user = admin.adminGetUser(b -> b.userPoolId(pool.id()).username(legacy));
        assertEquals(UserStatusType.CONFIRMED, user.userStatus());
        assertEquals(legacy + "@legacy.example", TestUsers.attribute(user.userAttributes(), "email"));
        assertEquals("migrated", TestUsers.attribute(user.userAttributes(), "custom:team"));
        List<JsonNode> events = LambdaShims.events("user-migration", pool.id());
        assertEquals(1, events.size(), "a migrated user is the pool's own: the trigger is not asked again");
        assertEquals("UserMigration_Authentication", events.get(0).path("triggerSource").asText());
        assertEquals("Legacy-Pass-1", events.get(0).path("request").path("password").asText());
    }

    @Test
    void userMigrationWhenOldSystemRefusesThenUnknownUserAndNothingCreated() {
        TestPool pool = pool(l -> l.userMigration(LambdaShims.arn("user-migration")));
        String legacy = Names.unique("legacy");

        Expect.error(NotAuthorizedException.class, "Incorrect username or password.",
                () -> SignIn.password(pool.clientId(), legacy, "Wrong-Pass-1"));
        Expect.error(NotAuthorizedException.class, "Incorrect username or password.",
                () -> SignIn.srp(pool, legacy, "Legacy-Pass-1"));

        Expect.error(UserNotFoundException.class,
                () -> admin.adminGetUser(b -> b.userPoolId(pool.id()).username(legacy)));
        assertEquals(1, LambdaShims.events("user-migration", pool.id()).size(), "SRP never shows the password");
    }

    @Test
    void userMigrationWhenPasswordForgottenThenCreatedResetRequiredAndCodeMailed() {
        TestPool pool = pool(l -> l.userMigration(LambdaShims.arn("user-migration")));
        String legacy = Names.unique("legacy");

        anonymous.forgotPassword(b -> b.clientId(pool.clientId()).username(legacy));
        String code = Mailbox.of(legacy + "@legacy.example").awaitCode();
        anonymous.confirmForgotPassword(b -> b.clientId(pool.clientId()).username(legacy).confirmationCode(code)
                .password(TestPools.PASSWORD));

        SignIn.password(pool.clientId(), legacy, TestPools.PASSWORD);
        assertEquals("UserMigration_ForgotPassword",
                LambdaShims.events("user-migration", pool.id()).get(0).path("triggerSource").asText());
    }

    @Test
    void handlerAnswerWhenNotAnEventThenInvalidLambdaResponse() {
        for (String function : List.of("faulty-empty", "faulty-wrong-type")) {
            TestPool pool = pool(l -> l.preSignUp(LambdaShims.arn(function)));
            String username = Names.unique("user");
            Expect.error(InvalidLambdaResponseException.class, "Unrecognizable lambda output",
                    () -> signUp(pool, username, Names.email("user")));
            Expect.error(UserNotFoundException.class,
                    () -> admin.adminGetUser(b -> b.userPoolId(pool.id()).username(username)));
        }
    }

    @Test
    void handlerWhenSilentThenThreeAttemptsThenSocketTimeout() {
        TestPool pool = pool(l -> l.preSignUp(LambdaShims.arn("faulty-silent")));

        Expect.error(UnexpectedLambdaException.class,
                "PreSignUp invocation failed due to error Socket timeout while invoking Lambda function.",
                () -> signUp(pool, Names.unique("user"), Names.email("user")));

        assertEquals(3, LambdaShims.events("faulty-silent", pool.id()).size(), "Cognito makes three attempts");
    }

    @Test
    void handlerWhenHostDownOrFunctionMissingThenUnexpectedLambda() {
        TestPool down = pool(l -> l.preSignUp(LambdaShims.arn("unreachable")));
        TestPool missing = pool(l -> l.preSignUp(LambdaShims.arn("nowhere")));

        Expect.error(UnexpectedLambdaException.class, "PreSignUp invocation failed due to error ServiceException.",
                () -> signUp(down, Names.unique("user"), Names.email("user")));
        Expect.error(UnexpectedLambdaException.class,
                "PreSignUp invocation failed due to error ResourceNotFoundException.",
                () -> signUp(missing, Names.unique("user"), Names.email("user")));
    }

    @Test
    void javaHandlerWithAwsEventTypesWhenRunThenSameEffectsAndErrors() {
        TestPool pool = pool(l -> l.preSignUp(LambdaShims.arn("java-handler")));
        String username = Names.unique("user");

        assertTrue(signUp(pool, username, username + "@java.example").userConfirmed());
        assertEquals("true", TestUsers.attribute(admin.adminGetUser(b -> b.userPoolId(pool.id()).username(username))
                .userAttributes(), "email_verified"));
        Expect.error(UserLambdaValidationException.class,
                "PreSignUp failed with error Only java.example may sign up.",
                () -> signUp(pool, Names.unique("user"), Names.email("user")));
    }

    @Test
    void pythonHandlerWhenRunThenSameEffectsAndErrors() {
        TestPool pool = pool(l -> l.preSignUp(LambdaShims.arn("py-handler")));
        String username = Names.unique("user");

        assertTrue(signUp(pool, username, username + "@python.example").userConfirmed());
        Expect.error(UserLambdaValidationException.class,
                "PreSignUp failed with error Only python.example may sign up.",
                () -> signUp(pool, Names.unique("user"), Names.email("user")));
    }
}
