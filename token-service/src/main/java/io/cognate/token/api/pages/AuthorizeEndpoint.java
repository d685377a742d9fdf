package io.cognate.token.api.pages;

import java.util.Optional;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.cognate.token.oauth.Authorization;
import io.cognate.token.oauth.AuthorizationRequest;
import io.cognate.token.oauth.Federation;
import io.cognate.token.oauth.SessionCookie;
import io.cognate.token.oauth.SignInCompletion;
import io.cognate.token.userpool.UserPoolException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /oauth2/authorize}: a valid request of a user the pool's session cookie vouches for gets its code (or
 * tokens) at once, single sign-on across the pool's clients; any other goes to the sign-in form with the same query.
 * {@code prompt=login} asks for the form anyway, {@code prompt=none} never shows it (login_required instead). A request
 * naming an external provider (identity_provider, idp_identifier) goes straight to that provider.
 */
@Path("/domain/{domain}/oauth2/authorize")
public class AuthorizeEndpoint {
    private final PageFlow flow;
    private final SessionCookie sessions;
    private final SignInCompletion completion;
    private final Federation federation;

    public AuthorizeEndpoint(PageFlow flow, SessionCookie sessions, SignInCompletion completion,
            Federation federation) {
        this.flow = flow;
        this.sessions = sessions;
        this.completion = completion;
        this.federation = federation;
    }

    @GET
    public Uni<Response> authorize(@PathParam("domain") String domain, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context RoutingContext context,
            @CookieParam(SessionCookie.NAME) String cookie) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        return flow.authorize(domain, context, query, headers, (request, authorization) -> {
            if (authorization.external()) {
                return federation.start(request.on().domain(), authorization, request.carriedParameters())
                        .map(next -> next instanceof Federation.ToProvider toProvider
                                ? Pages.redirect(toProvider.location(), request, Federation.BINDING_COOKIE + "="
                                        + Federation.binding(toProvider.state()) + "; Max-Age=600"
                                        + request.on().crossSiteCookieAttributes())
                                : Pages.redirect(SignInCompletion.error(((Federation.Refused) next).error()), request));
            }
            Optional<SessionCookie.SignedIn> signedIn = "login".equals(authorization.prompt()) ? Optional.empty()
                    : sessions.open(request.on().poolId(), cookie);
            if (signedIn.isEmpty()) {
                return Uni.createFrom().item(signInFirst(request, authorization));
            }
            return completion.complete(authorization, signedIn.get())
                    .map(location -> Pages.redirect(location, request))
                    .onFailure(UserPoolException.class).recoverWithItem(refused -> signInFirst(request, authorization));
        });
    }

    /** The sign-in form, with the authorization request; for prompt=none, login_required at the redirect URI. */
    private static Response signInFirst(PageRequest request, AuthorizationRequest authorization) {
        if ("none".equals(authorization.prompt())) {
            return Pages.redirect(SignInCompletion.error(new Authorization.RedirectError(authorization.redirectUri(),
                    authorization.implicit(), "login_required", "The user is not signed in.", authorization.state())),
                    request);
        }
        return Pages.redirect(request.on().path("/login") + "?" + request.carried(), request);
    }
}
