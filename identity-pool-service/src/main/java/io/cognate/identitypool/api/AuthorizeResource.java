package io.cognate.identitypool.api;

import static io.cognate.identitypool.error.IdentityError.VALIDATION;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.Json;
import io.cognate.identitypool.error.IdentityException;
import io.cognate.identitypool.service.AuthorizeFlow;
import io.cognate.identitypool.service.SessionClaims;
import io.cognate.sigv4.SigV4Verifier;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /authorize}: a resource server hands over a request it received, signed with temporary credentials this
 * service vended, and the action and resource it stands for; the answer is {@code Allow} or {@code Deny} by the
 * role's policy, with who asked (API Gateway's {@code cognitoIdentityId}, {@code cognitoIdentityPoolId},
 * {@code cognitoAuthenticationType}, {@code cognitoAuthenticationProvider}). A signature that does not hold, or
 * credentials that are forged or expired, is a Deny with the reason.
 *
 * <pre>
 * {"request": {"method", "path", "query", "headers": {name: value}, "body": base64},
 *  "action": "execute-api:Invoke", "resource": "arn:…", "context": {key: [values]}}
 * </pre>
 */
@Path("/authorize")
public class AuthorizeResource {
    private final Signatures signatures;
    private final AuthorizeFlow flow;

    public AuthorizeResource(Signatures signatures, AuthorizeFlow flow) {
        this.signatures = signatures;
        this.flow = flow;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> authorize(byte[] body) {
        return Uni.createFrom().deferred(() -> decide(body)).map(node -> Response.ok(Json.write(node))
                .type(MediaType.APPLICATION_JSON).build())
                .onFailure(IdentityException.class).recoverWithItem(failure -> {
                    IdentityException known = (IdentityException) failure;
                    return Response.status(known.error().status()).type(MediaType.APPLICATION_JSON)
                            .entity(Json.write(Json.object().put("__type", known.error().type())
                                    .put("message", known.getMessage())))
                            .build();
                });
    }

    private Uni<ObjectNode> decide(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (Exception e) {
            throw VALIDATION.withMessage("The body is not JSON.");
        }
        JsonNode request = root == null ? null : root.get("request");
        String action = text(root, "action");
        String resource = text(root, "resource");
        if (request == null || !request.isObject() || action == null || resource == null) {
            throw VALIDATION.withMessage("The body needs request (method, path, headers), action and resource.");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.path("headers").fields().forEachRemaining(e -> headers.computeIfAbsent(e.getKey().toLowerCase(),
                k -> new ArrayList<>()).add(e.getValue().asText()));
        String url = text(request, "url");
        String path = text(request, "path");
        String query = text(request, "query");
        if (url != null) {
            URI uri = URI.create(url);
            path = uri.getRawPath();
            query = uri.getRawQuery();
            headers.putIfAbsent("host", List.of(uri.getRawAuthority()));
        }
        byte[] payload;
        try {
            payload = request.hasNonNull("body") ? Base64.getDecoder().decode(request.get("body").asText()) : new byte[0];
        } catch (IllegalArgumentException e) {
            throw VALIDATION.withMessage("request.body must be base64.");
        }
        SigV4Verifier.SignedRequest signed = new SigV4Verifier.SignedRequest(
                text(request, "method") == null ? "GET" : text(request, "method"), path == null ? "/" : path, query,
                name -> headers.getOrDefault(name, List.of()), payload);
        Map<String, List<String>> context = new LinkedHashMap<>();
        root.path("context").fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(e.getValue().asText());
            }
            context.put(e.getKey(), values);
        });
        var caller = signatures.caller(signed, Signatures.Words.JSON);
        if (caller.session() == null) {
            return Uni.createFrom().item(Json.object().put("decision", "Deny")
                    .put("reason", "Only temporary credentials vended by this service are authorized here."));
        }
        return flow.decide(caller.session(), action, resource, context).map(outcome -> {
            ObjectNode node = Json.object().put("decision", outcome.decision().allowed() ? "Allow" : "Deny")
                    .put("reason", outcome.decision().name()).put("principalArn", outcome.principalArn())
                    .put("userId", outcome.userId());
            SessionClaims claims = outcome.claims();
            if (claims.poolId() != null) {
                ObjectNode identity = node.putObject("identity").put("cognitoIdentityId", claims.identityId())
                        .put("cognitoIdentityPoolId", claims.poolId())
                        .put("cognitoAuthenticationType", claims.authenticated() ? "authenticated" : "unauthenticated");
                List<String> providers = claims.amr().stream().filter(a -> !a.equals("authenticated")
                        && !a.equals("unauthenticated")).toList();
                if (!providers.isEmpty()) {
                    identity.put("cognitoAuthenticationProvider", String.join(",", providers));
                }
            }
            return node;
        });
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
