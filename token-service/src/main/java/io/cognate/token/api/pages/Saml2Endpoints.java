package io.cognate.token.api.pages;

import java.util.function.BiFunction;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.cognate.token.api.oauth.DomainRequests;
import io.cognate.token.api.oauth.Forms;
import io.cognate.token.api.oauth.OnDomain;
import io.cognate.token.oauth.Federation;
import io.cognate.token.oauth.SamlFederation;
import io.cognate.token.oauth.SignInCompletion;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The pool's SAML endpoints on its domain: {@code /saml2/idpresponse}, the ACS, where providers post their Responses
 * (POST binding; the user is signed in and the client gets its code, or its redirect URI gets the error);
 * {@code /saml2/logout}, where a provider posts its LogoutResponse after single logout; and {@code /saml2/metadata},
 * the pool's metadata as a service provider.
 */
@Path("/domain/{domain}/saml2")
public class Saml2Endpoints {
    private final DomainRequests domains;
    private final SamlFederation saml;
    private final PageFlow flow;
    private final Pages pages;

    public Saml2Endpoints(DomainRequests domains, SamlFederation saml, PageFlow flow, Pages pages) {
        this.domains = domains;
        this.saml = saml;
        this.flow = flow;
        this.pages = pages;
    }

    @POST
    @Path("idpresponse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> answer(@PathParam("domain") String domain, @Context HttpHeaders headers,
            @Context RoutingContext context, @CookieParam(Federation.BINDING_COOKIE) String binding, String body) {
        MultivaluedMap<String, String> form = Forms.parse(body);
        return onDomain(domain, headers, context, (on, request) -> saml.answer(on.domain(), Forms.value(form,
                "SAMLResponse"), Forms.value(form, "RelayState"), binding)
                .chain(next -> {
                    if (next instanceof Federation.SignedIn signedIn) {
                        return flow.signedIn(request, signedIn.authorization(), signedIn.user());
                    }
                    if (next instanceof Federation.Refused refused) {
                        return Uni.createFrom().item(Pages.redirect(SignInCompletion.error(refused.error()),
                                request));
                    }
                    return Uni.createFrom().item(pages.errorPage(request, "invalid_request", "This SAML "
                            + "response answers no sign-in of this browser on this domain (RelayState), or the "
                            + "sign-in has expired; start again from the application."));
                }).onFailure().recoverWithItem(flow.refusedOn(request, message -> pages.errorPage(request,
                        "invalid_request", message))));
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> loggedOut(@PathParam("domain") String domain, @Context HttpHeaders headers,
            @Context RoutingContext context, String body) {
        MultivaluedMap<String, String> form = Forms.parse(body);
        return onDomain(domain, headers, context, (on, request) -> saml.loggedOut(on.domain(), Forms.value(form,
                "SAMLResponse"), Forms.value(form, "RelayState")).map(
                        destination -> destination.map(location -> Pages.redirect(location, request))
                                .orElseGet(() -> pages.errorPage(request, "invalid_request", "This LogoutResponse answers no "
                                        + "sign-out of this domain, or is not the identity provider's."))));
    }

    /** A posted message for a pool's domain, answered by {@code body}; the error page for a domain of no pool. */
    private Uni<Response> onDomain(String domain, HttpHeaders headers, RoutingContext context,
            BiFunction<OnDomain, PageRequest, Uni<Response>> body) {
        return domains.resolve(domain, context).chain(on -> {
            PageRequest request = Pages.request(on.orElse(new OnDomain(null, "", false)), new MultivaluedHashMap<>(),
                    headers);
            return on.isEmpty()
                    ? Uni.createFrom().item(pages.errorPage(request, "invalid_request", "No user pool has this "
                            + "domain."))
                    : body.apply(on.get(), request);
        });
    }

    @GET
    @Path("metadata")
    public Uni<Response> metadata(@PathParam("domain") String domain, @Context RoutingContext context) {
        return domains.resolve(domain, context).chain(on -> on.isEmpty()
                ? Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND).build())
                : saml.metadata(on.get().domain()).map(xml -> Response.ok(xml, "application/samlmetadata+xml")
                        .build()));
    }
}
