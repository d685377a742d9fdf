package io.cognate.userpool.api;

import static io.cognate.userpool.error.CognitoError.SERIALIZATION;
import static io.cognate.userpool.error.CognitoError.UNKNOWN_OPERATION;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.ActionMetrics;
import io.cognate.awsjson.Json;
import io.cognate.awsjson.RequestIds;
import io.cognate.userpool.error.CognitoException;
import io.cognate.userpool.triggers.CallerSdk;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The Cognito IdP JSON 1.1 endpoint: {@code POST /} with {@code X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Action>}, KMS's {@code TrentService.Decrypt} for the custom senders'
 * handlers, and Cognate's own admin actions ({@code CognateTriggerGateway.*}). Every answer carries {@code x-amzn-RequestId};
 * every error is {@code {"__type", "message"}} with a 4xx
 * status, never a stack trace.
 */
@Path("/")
public class CognitoIdpResource {
    private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final ActionRegistry registry;
    private final AdminAuthenticator adminAuthenticator;
    private final RateLimits rateLimits;
    private final ActionMetrics metrics;

    public CognitoIdpResource(ActionRegistry registry, AdminAuthenticator adminAuthenticator, RateLimits rateLimits,
            MeterRegistry meters) {
        this.metrics = new ActionMetrics(meters);
        this.registry = registry;
        this.adminAuthenticator = adminAuthenticator;
        this.rateLimits = rateLimits;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> invoke(@Context HttpServerRequest http, byte[] body) {
        String requestId = RequestIds.begin();
        long arrived = System.nanoTime();
        // Memoized: a client that hangs up does not cancel the action halfway (a transaction cut off mid-flight, its
        // session closed under it); the action finishes, and its answer goes nowhere.
        return Uni.createFrom().deferred(() -> dispatch(http, body, arrived))
                .map(result -> respond(200, result, requestId))
                .onFailure().recoverWithItem(failure -> error(failure, requestId))
                .invoke(response -> metrics.record(metricName(http.getHeader("X-Amz-Target")), response
                        .getHeaderString("x-amzn-ErrorType"), arrived))
                .memoize().indefinitely();
    }

    /** The action a target names, if this service has it; else "unknown". */
    private String metricName(String target) {
        String name = target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length())
                : target;
        return name != null && registry.find(name) != null ? name : "unknown";
    }

    private Uni<ObjectNode> dispatch(HttpServerRequest http, byte[] body, long arrived) {
        String target = http.getHeader("X-Amz-Target");
        // Other services' actions served here (KMS's Decrypt, Cognate's own) are registered under their full target.
        boolean cognito = target != null && target.startsWith(TARGET_PREFIX);
        String name = cognito ? target.substring(TARGET_PREFIX.length()) : target;
        ActionRegistry.Registered registered = name == null || !cognito && !name.contains(".") ? null
                : registry.find(name);
        if (registered == null && !cognito) {
            throw UNKNOWN_OPERATION.withMessage("Missing or unknown X-Amz-Target header; expected %s<Action>",
                    TARGET_PREFIX);
        }
        if (registered == null) {
            throw UNKNOWN_OPERATION.withMessage("The action %s is not valid for this web service.", name);
        }
        if (registered.authorization() == ActionRegistry.Authorization.IAM) {
            adminAuthenticator.authenticate(http, body);
        }
        CallerSdk.remember(http.getHeader("User-Agent"));
        Params params = new Params(Json.requestBody(body, SERIALIZATION::withMessage));
        return RefusalFloor.refusals(rateLimits.admit(name, params)
                .chain(() -> registered.action().handle(params, arrived)), arrived);
    }

    private static Response error(Throwable failure, String requestId) {
        CognitoException cognito = ErrorAnswers.of(failure, requestId);
        ObjectNode body = Json.object().put("__type", cognito.error().type()).put("message", cognito.getMessage());
        return Response.status(cognito.error().status()).entity(Json.write(body)).type(CONTENT_TYPE)
                .header("x-amzn-RequestId", requestId).header("x-amzn-ErrorType", cognito.error().type()).build();
    }

    private static Response respond(int status, ObjectNode body, String requestId) {
        return Response.status(status).entity(Json.write(body)).type(CONTENT_TYPE).header("x-amzn-RequestId", requestId)
                .build();
    }
}
