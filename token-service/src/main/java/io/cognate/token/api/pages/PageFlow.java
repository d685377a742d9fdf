package io.cognate.token.api.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.cognate.contracts.userpool.v1.Authenticated;
import io.cognate.token.api.oauth.DomainRequests;
import io.cognate.token.api.oauth.OnDomain;
import io.cognate.token.oauth.Authorization;
import io.cognate.token.oauth.AuthorizationRequest;
import io.cognate.token.oauth.AuthorizationRequests;
import io.cognate.token.oauth.RedirectUris;
import io.cognate.token.oauth.SessionCookie;
import io.cognate.token.oauth.SignInCompletion;
import io.cognate.token.userpool.UserPoolException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * What every page request goes through: its domain, its authorization request validated again (the pages carry it
 * in their URLs, so it is never trusted from an earlier step), the CSRF check of a form, and the end of a sign-in
 * (the session cookie, then the code or tokens at the redirect URI).
 */
@ApplicationScoped
public class PageFlow {
    private static final Logger LOG = Logger.getLogger(PageFlow.class);

    /** A page's work once its domain and authorization request are known. */
    public interface Body {
        Uni<Response> apply(PageRequest request, AuthorizationRequest authorization);
    }

    private final DomainRequests domains;
    private final AuthorizationRequests authorizations;
    private final SessionCookie sessions;
    private final SignInCompletion completion;
    private final Pages pages;

    public PageFlow(DomainRequests domains, AuthorizationRequests authorizations, SessionCookie sessions,
            SignInCompletion completion, Pages pages) {
        this.domains = domains;
        this.authorizations = authorizations;
        this.sessions = sessions;
        this.completion = completion;
        this.pages = pages;
    }

    /** A page GET: the domain, then the authorization request, then the page. */
    public Uni<Response> show(String domain, RoutingContext context, MultivaluedMap<String, String> query,
            HttpHeaders headers, Body body) {
        return onDomain(domain, context, query, headers, request -> authorized(request, body, false));
    }

    /**
     * The authorize endpoint: as {@link #show}, except that a request that cannot name where its error goes is sent
     * to the domain's error page ({@code /error?error=redirect_mismatch&client_id=...}), as Cognito does.
     */
    public Uni<Response> authorize(String domain, RoutingContext context, MultivaluedMap<String, String> query,
            HttpHeaders headers, Body body) {
        return onDomain(domain, context, query, headers, request -> authorized(request, body, true));
    }

    /** A form POST: as {@link #show}, once the form's CSRF token is the cookie's. */
    public Uni<Response> submit(String domain, RoutingContext context, MultivaluedMap<String, String> query,
            HttpHeaders headers, MultivaluedMap<String, String> form, Body body) {
        return onDomain(domain, context, query, headers, request -> {
            if (!Pages.csrfValid(headers, form.getFirst(Csrf.FIELD))) {
                Page page = pages.page(request, null);
                page.errorCode = "invalid_request";
                page.description = request.texts().text("csrf_refused");
                return Uni.createFrom().item(pages.html(pages.error, page, request, 403));
            }
            return authorized(request, body, false);
        });
    }

    /**
     * The end of a sign-in: the session cookie for the pool, then the code or tokens for the client. A user who may
     * no longer sign in (disabled since, signed out) gets the sign-in page again.
     */
    public Uni<Response> signedIn(PageRequest request, AuthorizationRequest authorization, Authenticated user) {
        return signedIn(request, authorization, new SessionCookie.SignedIn(user.getSub(), user.getUsername(),
                user.getAuthTime(), List.copyOf(user.getAmrList())));
    }

    /** The end of a sign-in at an external provider, whose session (a SAML one) the cookie keeps. */
    public Uni<Response> signedIn(PageRequest request, AuthorizationRequest authorization,
            SessionCookie.SignedIn signedIn) {
        String cookie = SessionCookie.NAME + "=" + sessions.seal(request.on().poolId(), signedIn) + "; Max-Age="
                + sessions.ttl().toSeconds() + request.on().cookieAttributes();
        return completion.complete(authorization, signedIn).map(location -> Pages.redirect(location, request, cookie));
    }

    /** A refusal from user-pool-service shown on a page; anything else is the error page (503: try again). */
    public Function<Throwable, Response> refusedOn(PageRequest request, Function<String, Response> page) {
        return failure -> {
            if (failure instanceof UserPoolException refusal && refusal.kind() == UserPoolException.Kind.REFUSED) {
                return page.apply(refusal.getMessage());
            }
            LOG.warnf("a hosted page failed: %s", failure.toString());
            Page error = pages.page(request, null);
            error.errorCode = "temporarily_unavailable";
            error.description = "The sign-in service is unavailable; try again in a moment.";
            return pages.html(pages.error, error, request, 503);
        };
    }

    private Uni<Response> onDomain(String domain, RoutingContext context, MultivaluedMap<String, String> query,
            HttpHeaders headers, Function<PageRequest, Uni<Response>> body) {
        return domains.resolve(domain, context).chain(on -> {
            if (on.isEmpty()) {
                OnDomain none = new OnDomain(null, "", false);
                return Uni.createFrom().item(pages.errorPage(Pages.request(none, query, headers), "invalid_request",
                        "No user pool has this domain."));
            }
            return body.apply(Pages.request(on.get(), query, headers));
        });
    }

    private Uni<Response> authorized(PageRequest request, Body body, boolean errorPageByRedirect) {
        return authorizations.validate(request.on().poolId(), request.query()).chain(authorization -> {
            if (authorization instanceof Authorization.Valid valid) {
                return body.apply(request, valid.request());
            }
            if (authorization instanceof Authorization.RedirectError redirect) {
                return Uni.createFrom().item(Pages.redirect(SignInCompletion.error(redirect), request));
            }
            Authorization.ErrorPage error = (Authorization.ErrorPage) authorization;
            if (errorPageByRedirect) {
                Map<String, String> parameters = new LinkedHashMap<>();
                parameters.put("error", error.error());
                parameters.put("client_id", request.first("client_id"));
                return Uni.createFrom().item(Pages.redirect(RedirectUris.withQuery(request.on().path("/error"),
                        parameters), request));
            }
            return Uni.createFrom().item(pages.errorPage(request, error.error(), error.description()));
        });
    }
}
