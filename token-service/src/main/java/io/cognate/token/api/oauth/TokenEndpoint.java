package io.cognate.token.api.oauth;

import static io.cognate.token.api.oauth.Forms.value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cognate.token.oauth.OAuthClients;
import io.cognate.token.oauth.OAuthError;
import io.cognate.token.oauth.TokenGrants;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /oauth2/token} (RFC 6749 §3.2): the client authenticates, then its grant is answered with tokens or an
 * RFC 6749 §5.2 error. Cognito answers every error with HTTP 400, invalid_client included.
 */
@Path("/domain/{domain}/oauth2/token")
public class TokenEndpoint {
    private static final List<String> SINGLE = List.of("grant_type", "code", "redirect_uri", "code_verifier",
            "refresh_token", "scope", "client_id", "client_secret", "aws_client_metadata");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DomainRequests domains;
    private final OAuthClients clients;
    private final TokenGrants grants;

    public TokenEndpoint(DomainRequests domains, OAuthClients clients, TokenGrants grants) {
        this.domains = domains;
        this.clients = clients;
        this.grants = grants;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> token(@PathParam("domain") String domain,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context RoutingContext context,
            String body) {
        MultivaluedMap<String, String> form = Forms.parse(body);
        return domains.resolve(domain, context).chain(on -> {
            if (on.isEmpty()) {
                throw new OAuthError("invalid_request", "No user pool has this domain.");
            }
            for (String name : SINGLE) {
                if (form.get(name) != null && form.get(name).size() > 1) {
                    throw new OAuthError("invalid_request", name + " is repeated");
                }
            }
            ClientAuthentication.Presented presented = ClientAuthentication.presented(authorization, form);
            return ClientAuthentication.authenticate(clients, presented, 400).chain(client -> {
                if (!client.getUserPoolId().equals(on.get().poolId())) {
                    throw new OAuthError("invalid_client", "Client authentication failed.");
                }
                return grants.grant(client, new TokenGrants.TokenRequest(value(form, "grant_type"),
                        value(form, "code"), value(form, "redirect_uri"), value(form, "code_verifier"),
                        value(form, "refresh_token"), value(form, "scope"), clientMetadata(form)));
            });
        }).map(tokens -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            if (!tokens.idToken().isEmpty()) {
                answer.put("id_token", tokens.idToken());
            }
            answer.put("access_token", tokens.accessToken());
            if (!tokens.refreshToken().isEmpty()) {
                answer.put("refresh_token", tokens.refreshToken());
            }
            answer.put("expires_in", tokens.expiresIn());
            answer.put("token_type", "Bearer");
            return OAuthResponses.json(200, answer);
        }).onFailure().recoverWithItem(OAuthResponses::error);
    }

    /**
     * Cognito's {@code aws_client_metadata}: a JSON object of strings (URL-encoded in the form) that the client
     * credentials grant hands to the PreTokenGeneration V3_0 trigger as its clientMetadata.
     */
    private static Map<String, String> clientMetadata(MultivaluedMap<String, String> form) {
        String given = value(form, "aws_client_metadata");
        if (given.isEmpty()) {
            return Map.of();
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        try {
            JsonNode object = JSON.readTree(given);
            if (object == null || !object.isObject()) {
                throw notClientMetadata();
            }
            object.fields().forEachRemaining(member -> {
                if (!member.getValue().isTextual()) {
                    throw notClientMetadata();
                }
                metadata.put(member.getKey(), member.getValue().textValue());
            });
        } catch (JsonProcessingException e) {
            throw notClientMetadata();
        }
        return metadata;
    }

    private static OAuthError notClientMetadata() {
        return new OAuthError("invalid_request", "aws_client_metadata must be a JSON object of strings");
    }

}
