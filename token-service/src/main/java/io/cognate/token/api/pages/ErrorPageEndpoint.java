package io.cognate.token.api.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.cognate.token.api.oauth.DomainRequests;
import io.cognate.token.api.oauth.OnDomain;
import io.cognate.token.oauth.Authorization;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** {@code /error}: where the authorize endpoint sends an error it will not send to the client (HTTP 400). */
@Path("/domain/{domain}/error")
public class ErrorPageEndpoint {
    private final DomainRequests domains;
    private final Pages pages;

    public ErrorPageEndpoint(DomainRequests domains, Pages pages) {
        this.domains = domains;
        this.pages = pages;
    }

    @GET
    public Uni<Response> error(@PathParam("domain") String domain, @Context UriInfo uri, @Context HttpHeaders headers,
            @Context RoutingContext context) {
        return domains.resolve(domain, context).map(on -> {
            PageRequest request = Pages.request(on.orElse(new OnDomain(null, "", false)), uri.getQueryParameters(),
                    headers);
            // Only the code comes from the URL; its description is ours, so the page shows no text a link chose.
            Authorization.ErrorPage error = Authorization.ErrorPage.of(request.first("error"));
            return pages.errorPage(request, error.error(), error.description());
        });
    }
}
