package io.cognate.token.api.oauth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.cognate.contracts.userpool.v1.UserInfoRequest;
import io.cognate.token.userpool.UserPoolClient;
import io.cognate.token.userpool.UserPoolException;
import io.smallrye.mutiny.Uni;

/**
 * {@code /oauth2/userInfo} (OIDC Core §5.3): the signed-in user's attributes that the access token's scopes grant,
 * for an access token of the token endpoint (it has openid). As Cognito answers them, email_verified and
 * phone_number_verified are strings ("true"). The token comes as a Bearer header, or in a POST's form (RFC 6750
 * §2.2). The token names the pool, so any domain path serves it.
 */
@Path("/domain/{domain}/oauth2/userInfo")
@Produces(MediaType.APPLICATION_JSON)
public class UserInfoEndpoint {
    private final UserPoolClient userPools;

    public UserInfoEndpoint(UserPoolClient userPools) {
        this.userPools = userPools;
    }

    @GET
    public Uni<Response> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return userInfo(bearer(authorization));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> post(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            String body) {
        MultivaluedMap<String, String> form = Forms.parse(body);
        String token = bearer(authorization);
        return userInfo(token.isEmpty() ? Forms.value(form, "access_token") : token);
    }

    private Uni<Response> userInfo(String accessToken) {
        if (accessToken.isEmpty()) {
            return Uni.createFrom().item(refusal(400, "invalid_request", "Bad OAuth2 request at UserInfo Endpoint"));
        }
        return userPools.call(ui -> ui.userInfo(UserInfoRequest.newBuilder().setAccessToken(accessToken).build()))
                .map(answer -> OAuthResponses.json(200, new TreeMap<>(answer.getClaimsMap())))
                .onFailure(UserPoolException.class).recoverWithItem(failure -> {
                    if (((UserPoolException) failure).kind() == UserPoolException.Kind.REFUSED) {
                        return refusal(401, "invalid_token", "Access token is expired, disabled, or deleted, or the "
                                + "user has globally signed out.");
                    }
                    return OAuthResponses.error(failure);
                });
    }

    /** RFC 6750 §3: the error in WWW-Authenticate, and as JSON. */
    private static Response refusal(int status, String error, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return Response.fromResponse(OAuthResponses.json(status, body)).header(HttpHeaders.WWW_AUTHENTICATE,
                "Bearer error=\"" + error + "\", error_description=\"" + description + "\"").build();
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip()
                : "";
    }
}
