package io.cognate.identitypool.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.cognate.awsjson.Json;
import io.cognate.identitypool.service.OpenIdKeys;
import io.cognate.identitypool.service.OpenIdTokens;
import io.smallrye.mutiny.Uni;

/**
 * The OpenID tokens' issuer: discovery at {@code /.well-known/openid-configuration} and the keys at
 * {@code /.well-known/jwks_uri}, the paths of {@code https://cognito-identity.amazonaws.com}; {@code n} and {@code e}
 * in base64url (RFC 7518), which every library reads.
 */
@Path("/.well-known")
public class OpenIdResource {
    private final OpenIdKeys keys;
    private final OpenIdTokens tokens;

    public OpenIdResource(OpenIdKeys keys, OpenIdTokens tokens) {
        this.keys = keys;
        this.tokens = tokens;
    }

    @GET
    @Path("openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public String discovery() {
        var node = Json.object().put("issuer", tokens.issuer()).put("jwks_uri", tokens.issuer() + "/.well-known/jwks_uri");
        node.set("response_types_supported", Json.strings(List.of("id_token")));
        node.set("subject_types_supported", Json.strings(List.of("public")));
        node.set("id_token_signing_alg_values_supported", Json.strings(List.of("RS512")));
        node.set("claims_supported", Json.strings(List.of("sub", "aud", "amr", "iss", "exp", "iat")));
        return Json.write(node);
    }

    @GET
    @Path("jwks_uri")
    public Uni<Response> jwks() {
        return keys.signingKey().chain(keys::published).map(set -> Response.ok(set.toString(true))
                .type(MediaType.APPLICATION_JSON).header("Cache-Control", "max-age=3600").build());
    }
}
