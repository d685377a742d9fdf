package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cognate.it.support.AwsCli;
import io.cognate.it.support.CustomSenders;
import io.cognate.it.support.LambdaShims;
import io.cognate.it.support.Names;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPools;

/**
 * The AWS CLI, unmodified but for {@code --endpoint-url}: a pool created with a LambdaConfig that points at the
 * tests' existing handlers, and the triggers' effects and Cognito's error text through the CLI's own output.
 */
class AwsCliTest {
    @BeforeAll
    static void handlers() {
        LambdaShims.start();
    }

    private static AwsCli.Run aws(String... args) {
        return AwsCli.admin(args);
    }

    private static AwsCli.Run aws(URI endpoint, Map<String, String> credentials, String... args) {
        return AwsCli.run(endpoint, credentials, args);
    }

    @Test
    void identityPoolWhenDrivenByTheCliThenAGuestsCredentialsSignStsCalls() {
        Stack stack = Stack.get();
        URI endpoint = stack.identityPoolEndpoint();
        Map<String, String> admin = Map.of("AWS_ACCESS_KEY_ID", stack.adminAccessKeyId(), "AWS_SECRET_ACCESS_KEY",
                stack.adminSecretAccessKey());
        String pool = aws(endpoint, admin, "cognito-identity", "create-identity-pool", "--identity-pool-name",
                "cli", "--allow-unauthenticated-identities").json().path("IdentityPoolId").asText();
        String trust = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Federated\": "
                + "\"cognito-identity.amazonaws.com\"}, \"Action\": \"sts:AssumeRoleWithWebIdentity\", \"Condition\": "
                + "{\"StringEquals\": {\"cognito-identity.amazonaws.com:aud\": \"" + pool + "\"}}}]}";
        String roleName = Names.unique("cli-guest");
        AwsCli.Run role = aws(endpoint, admin, "iam", "create-role", "--role-name", roleName, "--assume-role-policy-document",
                trust);
        assertEquals(0, role.exit(), role.stderr());
        String roleArn = role.json().path("Role").path("Arn").asText();
        assertEquals(0, aws(endpoint, admin, "cognito-identity", "set-identity-pool-roles", "--identity-pool-id", pool,
                "--roles", "unauthenticated=" + roleArn).exit());
        String identity = aws(endpoint, Map.of(), "cognito-identity", "get-id", "--identity-pool-id", pool).json()
                .path("IdentityId").asText();
        JsonNode credentials = aws(endpoint, Map.of(), "cognito-identity", "get-credentials-for-identity",
                "--identity-id", identity).json().path("Credentials");

        AwsCli.Run caller = aws(endpoint, Map.of("AWS_ACCESS_KEY_ID", credentials.path("AccessKeyId").asText(),
                "AWS_SECRET_ACCESS_KEY", credentials.path("SecretKey").asText(), "AWS_SESSION_TOKEN",
                credentials.path("SessionToken").asText()), "sts", "get-caller-identity");

        assertEquals(0, caller.exit(), caller.stderr());
        assertEquals("arn:aws:sts::" + caller.json().path("Account").asText() + ":assumed-role/" + roleName
                + "/CognitoIdentityCredentials", caller.json().path("Arn").asText());
        AwsCli.Run unsigned = aws(endpoint, Map.of(), "cognito-identity", "get-id", "--identity-pool-id",
                "us-east-1:00000000-0000-0000-0000-000000000000");
        assertTrue(unsigned.stderr().contains("ResourceNotFoundException"), unsigned.stderr());
    }

    @Test
    void lambdaConfigWhenCreatedWithTheCliThenTheHandlersRunAsOnCognito() throws InterruptedException {
        String lambdaConfig = "PreSignUp=" + LambdaShims.arn("pre-signup") + ",PostConfirmation="
                + LambdaShims.arn("record") + ",KMSKeyID=" + CustomSenders.KEY_ARN
                + ",CustomEmailSender={LambdaVersion=V1_0,LambdaArn=" + LambdaShims.arn("custom-email-sender") + "}";
        AwsCli.Run created = aws("cognito-idp", "create-user-pool", "--pool-name", Names.unique("cli-pool"),
                "--auto-verified-attributes", "email", "--lambda-config", lambdaConfig);
        assertEquals(0, created.exit(), created.stderr());
        String poolId = created.json().path("UserPool").path("Id").asText();
        JsonNode described = aws("cognito-idp", "describe-user-pool", "--user-pool-id", poolId).json()
                .path("UserPool").path("LambdaConfig");
        assertEquals(LambdaShims.arn("pre-signup"), described.path("PreSignUp").asText());
        assertEquals("V1_0", described.path("CustomEmailSender").path("LambdaVersion").asText());

        AwsCli.Run client = aws("cognito-idp", "create-user-pool-client", "--user-pool-id", poolId, "--client-name", "cli",
                "--explicit-auth-flows", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH");
        assertEquals(0, client.exit(), client.stderr());
        String clientId = client.json().path("UserPoolClient").path("ClientId").asText();

        // PreSignUp confirms and verifies a trusted address; PostConfirmation runs for the confirmed user.
        String trusted = Names.unique("cli");
        AwsCli.Run signedUp = aws("cognito-idp", "sign-up", "--client-id", clientId, "--username", trusted, "--password",
                TestPools.PASSWORD, "--user-attributes", "Name=email,Value=" + trusted + "@trusted.example");
        assertEquals(0, signedUp.exit(), signedUp.stderr());
        assertTrue(signedUp.json().path("UserConfirmed").asBoolean(), signedUp.stdout());
        assertEquals("PostConfirmation_ConfirmSignUp",
                LambdaShims.events("record", poolId).get(0).path("triggerSource").asText());

        // Its refusal is Cognito's error, as the CLI prints it.
        AwsCli.Run refused = aws("cognito-idp", "sign-up", "--client-id", clientId, "--username", Names.unique("cli"),
                "--password", TestPools.PASSWORD, "--user-attributes", "Name=email,Value=x@blocked.example");
        assertNotEquals(0, refused.exit());
        assertTrue(refused.stderr().contains("(UserLambdaValidationException)")
                && refused.stderr().contains("PreSignUp failed with error Registration from this domain is not "
                        + "allowed.."),
                refused.stderr());

        // An untrusted address is not confirmed: the custom email sender gets its code.
        String plain = Names.unique("cli");
        AwsCli.Run unconfirmed = aws("cognito-idp", "sign-up", "--client-id", clientId, "--username", plain, "--password",
                TestPools.PASSWORD, "--user-attributes", "Name=email,Value=" + plain + "@example.com");
        assertEquals(0, unconfirmed.exit(), unconfirmed.stderr());
        assertEquals("EMAIL", unconfirmed.json().path("CodeDeliveryDetails").path("DeliveryMedium").asText());
        long deadline = System.currentTimeMillis() + 15_000;
        while (LambdaShims.events("custom-email-sender", poolId).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals("CustomEmailSender_SignUp",
                LambdaShims.events("custom-email-sender", poolId).get(0).path("triggerSource").asText());
    }
}
