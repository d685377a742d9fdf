package io.cognate.it;

import static io.cognate.it.support.TestUsers.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.CustomSenders;
import io.cognate.it.support.LambdaShims;
import io.cognate.it.support.Names;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.Traces;
import io.cognate.it.support.Traces.Trace;
import io.cognate.it.support.UserEvents;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/**
 * OpenTelemetry traces across the services, as exported to the stack's trace sink: a request that arrives with a
 * sampled {@code traceparent} is followed over gRPC (user-pool-service to trigger-gateway and token-service), over
 * Kafka (the custom sender's event and the outbox's user events, in their {@code traceparent} header) and over HTTP to the
 * trigger's handler; and no password reaches a span (token-service's redaction of query values: QueryRedactionTest).
 */
class TracingTest {
    private final CognitoIdentityProviderClient anonymous = Cognito.anonymous();
    private final CognitoIdentityProviderClient admin = Cognito.admin();

    @BeforeAll
    static void handlers() {
        LambdaShims.start();
    }

    @Test
    void signUpAndSignInWithATraceparentThenOneTraceCrossesGrpcKafkaAndTheHandlersHttp() {
        TestPool pool = TestPools.pool(b -> b.lambdaConfig(l -> l.kmsKeyID(CustomSenders.KEY_ARN)
                .preSignUp(LambdaShims.arn("pre-signup"))
                .customEmailSender(c -> c.lambdaVersion("V1_0").lambdaArn(LambdaShims.arn("custom-email-sender")))));
        String username = Names.unique("traced");
        Trace trace = Trace.start();

        anonymous.signUp(b -> b.clientId(pool.clientId()).username(username).password(TestPools.PASSWORD)
                .userAttributes(attribute("email", username + "@example.com"))
                .overrideConfiguration(o -> o.putHeader("traceparent", trace.traceparent())));
        admin.adminConfirmSignUp(b -> b.userPoolId(pool.id()).username(username));
        anonymous.initiateAuth(b -> b.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", TestPools.PASSWORD))
                .overrideConfiguration(o -> o.putHeader("traceparent", trace.traceparent())));

        Predicate<List<JsonNode>> complete = spans -> find(spans, "trigger-gateway", "CLIENT",
                span -> parentIs(spans, span, "trigger-gateway", "CONSUMER")).isPresent()
                && find(spans, "token-service", "SERVER", span -> true).isPresent()
                && find(spans, "user-pool-service", "SERVER", span -> name(span).equals("InitiateAuth")).isPresent();
        List<JsonNode> spans = Traces.await(trace.traceId(), complete, Duration.ofSeconds(30));

        JsonNode signUp = find(spans, "user-pool-service", "SERVER", span -> name(span).equals("SignUp")).orElseThrow();
        assertEquals(trace.parentSpanId(), signUp.path("parentSpanId").asText(), "continues the caller's span");
        JsonNode signIn = find(spans, "user-pool-service", "SERVER", span -> name(span).equals("InitiateAuth"))
                .orElseThrow(() -> new AssertionError(spans.toString()));
        // gRPC: PreSignUp runs in trigger-gateway, the tokens are issued by token-service.
        JsonNode preSignUp = find(spans, "trigger-gateway", "SERVER", span -> parentIs(spans, span,
                "user-pool-service", "CLIENT")).orElseThrow(() -> new AssertionError(spans.toString()));
        assertTrue(descendsFrom(spans, preSignUp, signUp), "PreSignUp's gRPC call belongs to SignUp");
        JsonNode issue = find(spans, "token-service", "SERVER", span -> true).orElseThrow();
        assertTrue(descendsFrom(spans, issue, signIn), "token-service's work belongs to InitiateAuth");
        // Kafka: the custom sender's event, published by SignUp, consumed by trigger-gateway, which invokes the
        // handler over HTTP.
        JsonNode consumed = find(spans, "trigger-gateway", "CONSUMER", span -> true).orElseThrow();
        assertTrue(descendsFrom(spans, consumed, signUp), "the consumer continues SignUp's trace");
        assertEquals("kafka", consumed.path("attributes").path("messaging.system").asText());
        assertTrue(find(spans, "trigger-gateway", "CLIENT", span -> descendsFrom(spans, span, consumed)).isPresent(),
                "the handler's invocation belongs to the consumer: " + spans);
        // The outbox: the user's events, published later by the relay, carry the request's trace as their header.
        List<UserEvents.Event> events = UserEvents.awaitPool(pool.id(), found -> found.stream().anyMatch(e -> e
                .shortType().equals("SignIn")), Duration.ofSeconds(30));
        for (String type : List.of("UserCreated", "SignIn")) {
            UserEvents.Event event = events.stream().filter(e -> e.shortType().equals(type)).findFirst().orElseThrow();
            assertTrue(event.traceparent() != null && event.traceparent().startsWith("00-" + trace.traceId() + "-"),
                    type + "'s traceparent: " + event.traceparent());
        }
        // PostgreSQL: the services' queries, as statements with placeholders only.
        assertTrue(spans.stream().anyMatch(span -> span.path("attributes").has("db.statement")));
        assertFalse(spans.toString().contains(TestPools.PASSWORD), "no password in any span");
    }

    private static Optional<JsonNode> find(List<JsonNode> spans, String service, String kind, Predicate<JsonNode> also) {
        return spans.stream().filter(span -> span.path("service").asText().equals(service)
                && span.path("kind").asText().equals(kind) && also.test(span)).findFirst();
    }

    /** The AWS action a user-pool-service request span served. */
    private static String name(JsonNode span) {
        return span.path("attributes").path("rpc.method").asText();
    }

    private static boolean parentIs(List<JsonNode> spans, JsonNode span, String service, String kind) {
        return parent(spans, span).filter(parent -> parent.path("service").asText().equals(service)
                && parent.path("kind").asText().equals(kind)).isPresent();
    }

    private static Optional<JsonNode> parent(List<JsonNode> spans, JsonNode span) {
        String parentId = span.path("parentSpanId").asText();
        return spans.stream().filter(other -> other.path("spanId").asText().equals(parentId)).findFirst();
    }

    private static boolean descendsFrom(List<JsonNode> spans, JsonNode span, JsonNode ancestor) {
        for (Optional<JsonNode> up = parent(spans, span); up.isPresent(); up = parent(spans, up.get())) {
            if (up.get().path("spanId").asText().equals(ancestor.path("spanId").asText())) {
                return true;
            }
        }
        return false;
    }
}
