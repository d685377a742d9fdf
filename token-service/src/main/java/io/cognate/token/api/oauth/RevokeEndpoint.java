package io.cognate.token.api.oauth;

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

import io.cognate.contracts.jose.Jws;
import io.cognate.contracts.userpool.v1.RevokeTokenRequest;
import io.cognate.token.oauth.OAuthClients;
import io.cognate.token.oauth.OAuthError;
import io.cognate.token.userpool.UserPoolClient;
import io.cognate.token.userpool.UserPoolException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /oauth2/revoke} (RFC 7009): revokes a refresh token and every token issued from it, as RevokeToken does.
 * An unknown or already revoked token answers 200; an access or ID token unsupported_token_type; a client whose
 * revocation is off, or that the token was not issued to, is refused. Client authentication failures are 401.
 */
@Path("/domain/{domain}/oauth2/revoke")
public class RevokeEndpoint {
    private final DomainRequests domains;
    private final OAuthClients clients;
    private final UserPoolClient userPools;

    public RevokeEndpoint(DomainRequests domains, OAuthClients clients, UserPoolClient userPools) {
        this.domains = domains;
        this.clients = clients;
        this.userPools = userPools;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> revoke(@PathParam("domain") String domain,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context RoutingContext context,
            String body) {
        MultivaluedMap<String, String> form = Forms.parse(body);
        String token = Forms.value(form, "token");
        return domains.resolve(domain, context).chain(on -> {
            if (on.isEmpty()) {
                throw new OAuthError("invalid_request", "No user pool has this domain.");
            }
            return ClientAuthentication.authenticate(clients, ClientAuthentication.presented(authorization, form), 401)
                    .chain(client -> {
                        if (!client.getUserPoolId().equals(on.get().poolId())) {
                            throw new OAuthError("invalid_client", "Client authentication failed.", 401);
                        }
                        if (token.isEmpty()) {
                            throw new OAuthError("invalid_request", "token is required");
                        }
                        if (!client.getTokenRevocationEnabled()) {
                            throw new OAuthError("invalid_request", "Token revocation is not enabled for this client.");
                        }
                        if (Jws.parse(token).isPresent()) {
                            throw new OAuthError("unsupported_token_type", "Only refresh tokens can be revoked.");
                        }
                        return userPools.call(ui -> ui.revokeToken(RevokeTokenRequest.newBuilder()
                                .setClientId(client.getClientId()).setRefreshToken(token).build()))
                                .onFailure(UserPoolException.class).transform(RevokeEndpoint::refused);
                    });
        }).map(done -> revoked()).onFailure(UnknownToken.class).recoverWithItem(failure -> revoked())
                .onFailure().recoverWithItem(OAuthResponses::error);
    }

    /** RFC 7009 §2.2: 200, nothing in the body. */
    private static Response revoked() {
        return Response.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** An unknown or malformed token: RFC 7009 §2.2 answers 200, as for a revoked one. */
    private static final class UnknownToken extends RuntimeException {
        UnknownToken() {
            super(null, null, false, false);
        }
    }

    private static Throwable refused(Throwable failure) {
        UserPoolException refusal = (UserPoolException) failure;
        if (refusal.refused("UnsupportedTokenTypeException")) {
            return new UnknownToken();
        }
        if (refusal.kind() == UserPoolException.Kind.REFUSED) {
            return new OAuthError("unauthorized_client", refusal.getMessage());
        }
        return failure;
    }
}
