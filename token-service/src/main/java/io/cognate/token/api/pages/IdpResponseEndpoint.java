package io.cognate.token.api.pages;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.cognate.token.api.oauth.DomainRequests;
import io.cognate.token.api.oauth.Forms;
import io.cognate.token.api.oauth.OnDomain;
import io.cognate.token.oauth.Federation;
import io.cognate.token.oauth.SignInCompletion;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /oauth2/idpresponse}: where an external OAuth 2.0 or OIDC provider sends the browser back with its code (or
 * error), by a redirect or (Sign in with Apple's form_post) a POST. A
 * user it vouched for is signed in to the pool (the session cookie) and the client gets its code or tokens; an error
 * goes to the client's redirect URI; an answer this service did not ask for gets the error page.
 */
@Path("/domain/{domain}/oauth2/idpresponse")
public class IdpResponseEndpoint {
    private final DomainRequests domains;
    private final Federation federation;
    private final PageFlow flow;
    private final Pages pages;

    public IdpResponseEndpoint(DomainRequests domains, Federation federation, PageFlow flow, Pages pages) {
        this.domains = domains;
        this.federation = federation;
        this.flow = flow;
        this.pages = pages;
    }

    @GET
    public Uni<Response> answer(@PathParam("domain") String domain, @Context UriInfo uri, @Context HttpHeaders headers,
            @Context RoutingContext context, @CookieParam(Federation.BINDING_COOKIE) String binding) {
        return answer(domain, uri.getQueryParameters(), headers, context, binding);
    }

    /** The answer by {@code response_mode=form_post}, as Sign in with Apple sends it. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> posted(@PathParam("domain") String domain, @Context HttpHeaders headers,
            @Context RoutingContext context, @CookieParam(Federation.BINDING_COOKIE) String binding, String body) {
        return answer(domain, Forms.parse(body), headers, context, binding);
    }

    private Uni<Response> answer(String domain, MultivaluedMap<String, String> query, HttpHeaders headers,
            RoutingContext context, String binding) {
        return domains.resolve(domain, context).chain(on -> {
            PageRequest request = Pages.request(on.orElse(new OnDomain(null, "", false)), query, headers);
            if (on.isEmpty()) {
                return Uni.createFrom().item(pages.errorPage(request, "invalid_request", "No user pool has this "
                        + "domain."));
            }
            Map<String, String> answer = new LinkedHashMap<>();
            for (String name : new String[] { "code", "state", "error", "error_description" }) {
                answer.put(name, request.first(name));
            }
            return federation.finish(on.get().domain(), answer, binding).chain(next -> {
                if (next instanceof Federation.SignedIn signedIn) {
                    return flow.signedIn(request, signedIn.authorization(), signedIn.user());
                }
                if (next instanceof Federation.Refused refused) {
                    return Uni.createFrom().item(Pages.redirect(SignInCompletion.error(refused.error()), request));
                }
                return Uni.createFrom().item(pages.errorPage(request, "invalid_request", "This sign-in at an "
                        + "identity provider does not match a request of this browser on this domain, or has expired; "
                        + "start again from the application."));
            }).onFailure().recoverWithItem(flow.refusedOn(request, message -> pages.errorPage(request,
                    "invalid_request", message)));
        });
    }
}
