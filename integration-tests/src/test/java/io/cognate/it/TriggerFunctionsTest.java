package io.cognate.it;

import static io.cognate.it.support.TestUsers.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cognate.it.support.AwsLambdaStandIn;
import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.FunctionMap;
import io.cognate.it.support.KafkaHandler;
import io.cognate.it.support.LambdaShims;
import io.cognate.it.support.Names;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnexpectedLambdaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;

/**
 * Where handlers run, set at run time: the function map's admin API (Cognate's own CognateTriggerGateway actions,
 * signed with curl's --aws-sigv4 as the README shows), and handlers that answer the synchronous triggers as Kafka
 * consumers (request/reply), under the same rules as the HTTP ones.
 */
class TriggerFunctionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CognitoIdentityProviderClient anonymous = Cognito.anonymous();

    @BeforeAll
    static void handlers() {
        LambdaShims.start();
        AwsLambdaStandIn.start();
    }

    private SignUpResponse signUp(TestPool pool, String email) {
        return anonymous.signUp(b -> b.clientId(pool.clientId()).username(Names.unique("user"))
                .password(TestPools.PASSWORD).userAttributes(attribute("email", email)));
    }

    private static TestPool preSignUpPool(String function) {
        return TestPools.pool(b -> b.lambdaConfig(l -> l.preSignUp(LambdaShims.arn(function))));
    }

    @Test
    void functionMapWhenSetThroughTheApiThenTriggersRunThereUntilDeleted() {
        String function = Names.unique("mapped");
        String pythonShim = "http://127.0.0.1:" + Stack.get().value("COGNATE_LAMBDA_PY_SHIM_PORT")
                + "/2015-03-31/functions/function/invocations";
        TestPool pool = preSignUpPool(function);

        FunctionMap.put(function, pythonShim);
        assertTrue(signUp(pool, Names.unique("user") + "@python.example").userConfirmed());
        FunctionMap.Answer listed = FunctionMap.call("ListFunctions", JSON.createObjectNode(), true);
        assertEquals(200, listed.status());
        JsonNode mapping = find(listed.body(), function);
        assertEquals(pythonShim, mapping.path("Target").asText());
        assertEquals("API", mapping.path("Source").asText());
        assertEquals("CONFIGURATION", find(listed.body(), "py-handler").path("Source").asText());

        assertEquals(200, FunctionMap.call("DeleteFunction", JSON.createObjectNode().put("FunctionName", function),
                true).status());
        // Unmapped again: the URL template, where the Node shim has no such function.
        Expect.error(UnexpectedLambdaException.class,
                "PreSignUp invocation failed due to error ResourceNotFoundException.",
                () -> signUp(pool, Names.unique("user") + "@python.example"));
        FunctionMap.Answer again = FunctionMap.call("DeleteFunction",
                JSON.createObjectNode().put("FunctionName", function), true);
        assertEquals("ResourceNotFoundException", again.errorType());
    }

    @Test
    void awsTargetWhenMappedThenInvokedOnAwsLambdaWithSigV4() {
        String function = Names.unique("aws-presignup");
        FunctionMap.put(function, "aws");
        TestPool pool = preSignUpPool(function);

        assertTrue(signUp(pool, Names.unique("user") + "@java.example").userConfirmed());
        Expect.error(UserLambdaValidationException.class, "PreSignUp failed with error Only java.example may sign up.",
                () -> signUp(pool, Names.email("user")));

        // Lambda's Invoke API with the whole ARN as the function name, signed for lambda in the ARN's region.
        String path = "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3A" + function
                + "/invocations";
        assertEquals(List.of(path, path), AwsLambdaStandIn.verified().stream().filter(path::equals).toList());
    }

    @Test
    void functionMapWhenInvalidOrUnsignedThenRefusedAndUnchanged() {
        FunctionMap.Answer badTarget = FunctionMap.call("PutFunction",
                JSON.createObjectNode().put("FunctionName", "some-function").put("Target", "ftp://handlers.example"),
                true);
        assertEquals(400, badTarget.status());
        assertEquals("InvalidParameterException", badTarget.errorType());
        assertEquals("Target must be kafka, aws, or an http or https URL.", badTarget.body().path("message").asText());
        FunctionMap.Answer badName = FunctionMap.call("PutFunction",
                JSON.createObjectNode().put("FunctionName", "no spaces").put("Target", "kafka"), true);
        assertEquals("InvalidParameterException", badName.errorType());
        FunctionMap.Answer unsigned = FunctionMap.call("PutFunction",
                JSON.createObjectNode().put("FunctionName", "some-function").put("Target", "kafka"), false);
        assertEquals(403, unsigned.status());
        FunctionMap.Answer unknownMember = FunctionMap.call("ListFunctions",
                JSON.createObjectNode().put("MaxResults", 5), true);
        assertEquals("InvalidParameterException", unknownMember.errorType());

        JsonNode listed = FunctionMap.call("ListFunctions", JSON.createObjectNode(), true).body();
        assertTrue(find(listed, "some-function").isMissingNode(), "nothing refused was mapped");
    }

    @Test
    void kafkaHandlerWhenMappedThenItsRepliesAreTheTriggersAnswers() throws Exception {
        String function = Names.unique("kafka-presignup");
        FunctionMap.put(function, "kafka");
        TestPool pool = preSignUpPool(function);
        try (KafkaHandler handler = KafkaHandler.start(function, event -> {
            if (!event.path("request").path("userAttributes").path("email").asText().endsWith("@kafka.example")) {
                return JSON.createObjectNode().put("errorMessage", "Only kafka.example may sign up.")
                        .put("errorType", "Error").toString();
            }
            return KafkaHandler.respond(event, JSON.createObjectNode().put("autoConfirmUser", true)
                    .put("autoVerifyEmail", true).put("autoVerifyPhone", false));
        })) {
            assertTrue(signUp(pool, Names.unique("user") + "@kafka.example").userConfirmed());
            Expect.error(UserLambdaValidationException.class,
                    "PreSignUp failed with error Only kafka.example may sign up..",
                    () -> signUp(pool, Names.email("user")));

            ConsumerRecord<String, String> request = handler.requests().get(0);
            assertEquals(pool.id(), request.key());
            assertEquals("PreSignUp", KafkaHandler.header(request, "trigger"));
            assertEquals(LambdaShims.arn(function), KafkaHandler.header(request, "function-arn"));
            assertEquals("cognate.triggers.replies", KafkaHandler.header(request, "kafka_replyTopic"));
            JsonNode event = JSON.readTree(request.value());
            assertEquals("PreSignUp_SignUp", event.path("triggerSource").asText());
            assertEquals(pool.clientId(), event.path("callerContext").path("clientId").asText());
        }
    }

    @Test
    void kafkaHandlerWhenSilentThenThreeAttemptsThenSocketTimeout() throws Exception {
        String function = Names.unique("kafka-silent");
        FunctionMap.put(function, "kafka");
        TestPool pool = preSignUpPool(function);
        try (KafkaHandler handler = KafkaHandler.start(function, event -> null)) {
            Expect.error(UnexpectedLambdaException.class,
                    "PreSignUp invocation failed due to error Socket timeout while invoking Lambda function.",
                    () -> signUp(pool, Names.email("user")));

            List<ConsumerRecord<String, String>> requests = handler.requests();
            assertEquals(3, requests.size(), "Cognito makes three attempts");
            Set<String> correlations = requests.stream()
                    .map(request -> KafkaHandler.header(request, "kafka_correlationId")).collect(Collectors.toSet());
            assertEquals(3, correlations.size(), "each attempt waits for its own reply");
        }
    }

    private static JsonNode find(JsonNode listed, String function) {
        for (JsonNode mapping : listed.path("Functions")) {
            if (function.equals(mapping.path("FunctionName").asText())) {
                return mapping;
            }
        }
        return JSON.missingNode();
    }
}
