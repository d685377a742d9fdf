package io.cognate.token.api;

import java.util.Comparator;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.cognate.contracts.userpool.v1.Domain;
import io.cognate.token.oauth.Domains;
import io.cognate.token.service.Issuer;
import io.cognate.token.service.PoolKeys;
import io.cognate.token.service.SigningKeys;
import io.smallrye.mutiny.Uni;

/**
 * The per-pool documents token verifiers fetch, at Cognito's paths under the issuer: the JWKS and the OpenID Connect
 * discovery document. Both run on the event loop and answer from memory while the key cache is fresh.
 */
@Path("/{userPoolId}/.well-known")
@Produces(MediaType.APPLICATION_JSON)
public class WellKnownResource {

    /** Cognito lets verifiers cache its JWKS; keys are rotated with overlap, so five minutes is safe. */
    static final String CACHE_CONTROL = "public, max-age=300";

    private final SigningKeys signingKeys;
    private final DiscoveryDocument discovery;
    private final Domains domains;

    public WellKnownResource(SigningKeys signingKeys, DiscoveryDocument discovery, Domains domains) {
        this.signingKeys = signingKeys;
        this.discovery = discovery;
        this.domains = domains;
    }

    @GET
    @Path("jwks.json")
    public Uni<RestResponse<byte[]>> jwks(@PathParam("userPoolId") String userPoolId) {
        return keysOf(userPoolId).map(keys -> keys.exists() ? ok(keys.jwks()) : notFound(userPoolId));
    }

    @GET
    @Path("openid-configuration")
    public Uni<RestResponse<byte[]>> openidConfiguration(@PathParam("userPoolId") String userPoolId) {
        return keysOf(userPoolId).chain(keys -> !keys.exists() ? Uni.createFrom().item(notFound(userPoolId))
                : domains.ofPool(userPoolId).map(owned -> ok(discovery.forPool(userPoolId, owned.stream()
                        .sorted(Comparator.comparing(Domain::getCustom)).findFirst().map(domains::baseUrl)
                        .orElse(null)))));
    }

    private Uni<PoolKeys> keysOf(String userPoolId) {
        // A path segment that cannot be a pool id never reaches the cache or the database.
        return Issuer.isUserPoolId(userPoolId) ? signingKeys.of(userPoolId)
                : Uni.createFrom().item(PoolKeys.none(userPoolId));
    }

    private static RestResponse<byte[]> ok(byte[] body) {
        return RestResponse.ResponseBuilder.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }

    private RestResponse<byte[]> notFound(String userPoolId) {
        return RestResponse.ResponseBuilder.<byte[]> create(RestResponse.Status.NOT_FOUND)
                .entity(discovery.notFound(userPoolId))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
