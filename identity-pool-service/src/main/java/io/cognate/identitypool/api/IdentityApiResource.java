package io.cognate.identitypool.api;

import static io.cognate.identitypool.error.IdentityError.SERIALIZATION;
import static io.cognate.identitypool.error.IdentityError.UNKNOWN_OPERATION;

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
import io.cognate.identitypool.error.IdentityException;
import io.cognate.sigv4.SigV4Verifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code POST /}: the Cognito Identity JSON 1.1 API ({@code X-Amz-Target: AWSCognitoIdentityService.<Action>}), and
 * the query APIs of STS and IAM (form posts with {@code Action} and {@code Version}) on the same endpoint, so that
 * {@code AWS_ENDPOINT_URL_COGNITO_IDENTITY}, {@code AWS_ENDPOINT_URL_STS} and {@code AWS_ENDPOINT_URL_IAM} may all
 * name it. Calls past an operation's quota are refused ({@link RateLimits}). Every answer carries {@code x-amzn-RequestId};
 * every error is the API's 4xx shape, never a stack trace.
 */
@Path("/")
public class IdentityApiResource {
    private static final String TARGET_PREFIX = "AWSCognitoIdentityService.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final ActionRegistry registry;
    private final Signatures signatures;
    private final QueryApis queryApis;
    private final RateLimits rateLimits;
    private final ActionMetrics metrics;

    public IdentityApiResource(ActionRegistry registry, Signatures signatures, QueryApis queryApis,
            RateLimits rateLimits, MeterRegistry meters) {
        this.metrics = new ActionMetrics(meters);
        this.registry = registry;
        this.signatures = signatures;
        this.queryApis = queryApis;
        this.rateLimits = rateLimits;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> invoke(@Context HttpServerRequest http, byte[] body) {
        String requestId = RequestIds.begin();
        long arrived = System.nanoTime();
        String contentType = http.getHeader("Content-Type");
        if (http.getHeader("X-Amz-Target") == null && (contentType == null || !contentType.startsWith(
                "application/x-amz-json"))) {
            // No target and not the JSON protocol's body: a query-protocol request (STS, IAM).
            return queryApis.invoke(http, body == null ? new byte[0] : body, requestId, arrived);
        }
        return Uni.createFrom().deferred(() -> dispatch(http, body))
                .map(result -> Response.ok(Json.write(result)).type(CONTENT_TYPE).header("x-amzn-RequestId", requestId)
                        .build())
                .onFailure().recoverWithItem(failure -> error(failure, requestId))
                .invoke(response -> metrics.record(metricName(http.getHeader("X-Amz-Target")), response
                        .getHeaderString("x-amzn-ErrorType"), arrived))
                .memoize().indefinitely();
    }

    /** The action a target names, if this service has it; else "unknown". */
    private String metricName(String target) {
        String name = target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length())
                : null;
        return name != null && registry.find(name) != null ? name : "unknown";
    }

    private Uni<ObjectNode> dispatch(HttpServerRequest http, byte[] body) {
        String target = http.getHeader("X-Amz-Target");
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            throw UNKNOWN_OPERATION.withMessage("Missing or unknown X-Amz-Target header; expected %s<Action>",
                    TARGET_PREFIX);
        }
        String name = target.substring(TARGET_PREFIX.length());
        ActionRegistry.Registered registered = registry.find(name);
        if (registered == null) {
            throw UNKNOWN_OPERATION.withMessage("The action %s is not valid for this web service, or is not "
                    + "implemented by this deployment yet.", name);
        }
        if (registered.signed()) {
            signatures.requireAdmin(signed(http, body), Signatures.Words.JSON);
        }
        Params params = new Params(Json.requestBody(body, SERIALIZATION::withMessage));
        return rateLimits.admit(name).chain(() -> registered.action().handle(params));
    }

    static SigV4Verifier.SignedRequest signed(HttpServerRequest http, byte[] body) {
        return new SigV4Verifier.SignedRequest(http.method().name(), http.path(), http.query(),
                name -> http.headers().getAll(name), body == null ? new byte[0] : body);
    }

    private static Response error(Throwable failure, String requestId) {
        IdentityException known = ErrorAnswers.of(failure, requestId);
        ObjectNode body = Json.object().put("__type", known.error().type()).put("message", known.getMessage());
        return Response.status(known.error().status()).entity(Json.write(body)).type(CONTENT_TYPE)
                .header("x-amzn-RequestId", requestId).header("x-amzn-ErrorType", known.error().type()).build();
    }
}
