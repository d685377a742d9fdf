package io.cognate.token.api.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;

import io.cognate.contracts.jose.Jws;
import io.cognate.contracts.userpool.v1.OAuthClient;
import io.cognate.token.api.oauth.DomainRequests;
import io.cognate.token.oauth.OAuthClients;
import io.cognate.token.oauth.RedirectUris;
import io.cognate.token.oauth.SamlFederation;
import io.cognate.token.oauth.SessionCookie;
import io.cognate.token.service.Issuer;
import io.cognate.token.service.SigningKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /logout}: ends the pool's session on this browser (the cookie; tokens stay valid until revoked, as in
 * Cognito), then sends the browser on. Cognito's two forms: {@code client_id} with a registered {@code logout_uri},
 * or with {@code redirect_uri} and {@code response_type} (back to the sign-in form); and OpenID Connect RP-initiated
 * logout: {@code id_token_hint} (one of the pool's ID tokens, expired or not) with a registered
 * {@code post_logout_redirect_uri} and {@code state}. A user signed in at a SAML provider with IDPSignout is signed out
 * there first ({@link SamlFederation#logoutLocation}).
 */
@Path("/domain/{domain}/logout")
public class LogoutEndpoint {
    private final DomainRequests domains;
    private final OAuthClients clients;
    private final SigningKeys keys;
    private final Issuer issuer;
    private final Pages pages;
    private final SessionCookie sessions;
    private final SamlFederation saml;

    public LogoutEndpoint(DomainRequests domains, OAuthClients clients, SigningKeys keys, Issuer issuer, Pages pages,
            SessionCookie sessions, SamlFederation saml) {
        this.sessions = sessions;
        this.saml = saml;
        this.domains = domains;
        this.clients = clients;
        this.keys = keys;
        this.issuer = issuer;
        this.pages = pages;
    }

    @GET
    public Uni<Response> logout(@PathParam("domain") String domain, @Context UriInfo uri, @Context HttpHeaders headers,
            @Context RoutingContext context, @CookieParam(SessionCookie.NAME) String cookie) {
        return domains.resolve(domain, context).chain(on -> {
            if (on.isEmpty()) {
                return Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND).build());
            }
            PageRequest request = Pages.request(on.get(), uri.getQueryParameters(), headers);
            String cleared = SessionCookie.NAME + "=; Max-Age=0" + on.get().cookieAttributes();
            String hint = request.first("id_token_hint");
            Uni<String> clientId = hint.isEmpty() ? Uni.createFrom().item(request.first("client_id"))
                    : audienceOf(on.get().poolId(), hint);
            return clientId.chain(id -> clients.find(id)).chain(client -> {
                if (client.isEmpty() || !client.get().getUserPoolId().equals(on.get().poolId())) {
                    return Uni.createFrom().item(pages.errorPage(request, "invalid_request", "The logout request "
                            + "names no client of this user pool (client_id, or an id_token_hint of the pool)."));
                }
                String location = destination(request, client.get(), !hint.isEmpty());
                if (location == null) {
                    return Uni.createFrom().item(pages.errorPage(request, "invalid_request", "The sign-out URL is "
                            + "not registered for the client (LogoutURLs), or the request names none."));
                }
                var session = sessions.open(on.get().poolId(), cookie);
                return saml.logoutLocation(on.get().domain(), session.map(SessionCookie.SignedIn::saml)
                        .orElse(null), location).map(next -> Pages.redirect(next, request, cleared));
            });
        });
    }

    /** Where the browser goes after sign-out; null when the request names no registered URL. */
    private static String destination(PageRequest request, OAuthClient client, boolean standard) {
        if (standard) {
            String postLogout = request.first("post_logout_redirect_uri");
            return client.getLogoutUrlsList().contains(postLogout)
                    ? RedirectUris.withQuery(postLogout, Map.of("state", request.first("state")))
                    : null;
        }
        String logoutUri = request.first("logout_uri");
        if (!logoutUri.isEmpty()) {
            return client.getLogoutUrlsList().contains(logoutUri) ? logoutUri : null;
        }
        String redirectUri = request.first("redirect_uri");
        if (redirectUri.isEmpty() || request.first("response_type").isEmpty()
                || !client.getCallbackUrlsList().contains(redirectUri)) {
            return null;
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : new String[] { "client_id", "redirect_uri", "response_type", "state", "scope", "lang" }) {
            query.put(name, request.first(name));
        }
        return RedirectUris.withQuery(request.on().path("/login"), query);
    }

    /** The client an ID token of the pool was issued to (its aud), if it is one, signed by the pool; else "". */
    private Uni<String> audienceOf(String poolId, String idToken) {
        Optional<Jws.Parsed> parsed = Jws.parse(idToken);
        if (parsed.isEmpty()) {
            return Uni.createFrom().item("");
        }
        return keys.of(poolId).map(poolKeys -> {
            var key = poolKeys.publicKeys().get(parsed.get().kid());
            Optional<JsonNode> claims = parsed.get().claims();
            if (key == null || !parsed.get().verifiedBy(key) || claims.isEmpty()
                    || !issuer.of(poolId).equals(claims.get().path("iss").asText())
                    || !"id".equals(claims.get().path("token_use").asText())) {
                return "";
            }
            return claims.get().path("aud").asText("");
        });
    }
}
