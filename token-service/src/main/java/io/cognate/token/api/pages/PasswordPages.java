package io.cognate.token.api.pages;

import jakarta.ws.rs.Consumes;
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

import io.cognate.contracts.userpool.v1.ConfirmRequest;
import io.cognate.contracts.userpool.v1.UserRef;
import io.cognate.token.api.oauth.Forms;
import io.cognate.token.oauth.AuthorizationRequest;
import io.cognate.token.userpool.UserPoolClient;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * A forgotten password through the pages: the name ({@code /forgotPassword}), then the code sent and a new password
 * ({@code /confirmforgotPassword}), then the sign-in form with a notice. ForgotPassword and ConfirmForgotPassword as
 * the API runs them, PreventUserExistenceErrors included.
 */
@Path("/domain/{domain}")
public class PasswordPages {
    private final PageFlow flow;
    private final Pages pages;
    private final UserPoolClient userPools;

    public PasswordPages(PageFlow flow, Pages pages, UserPoolClient userPools) {
        this.flow = flow;
        this.pages = pages;
        this.userPools = userPools;
    }

    @GET
    @Path("forgotPassword")
    public Uni<Response> forgotPasswordForm(@PathParam("domain") String domain, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context RoutingContext context) {
        return flow.show(domain, context, uri.getQueryParameters(), headers,
                (request, authorization) -> Uni.createFrom().item(forgotPage(request, authorization, "", "")));
    }

    @POST
    @Path("forgotPassword")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> forgotPassword(@PathParam("domain") String domain, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context RoutingContext context, String body) {
        MultivaluedMap<String, String> form = Forms.parse(body);
        return flow.submit(domain, context, uri.getQueryParameters(), headers, form, (request, authorization) -> {
            String username = Forms.value(form, "username");
            return userPools.call(ui -> ui.forgotPassword(UserRef.newBuilder()
                    .setClientId(authorization.client().getClientId()).setUsername(username).build()))
                    .map(delivery -> resetPage(request, authorization, username, delivery.getDestination(), ""))
                    .onFailure().recoverWithItem(flow.refusedOn(request,
                            message -> forgotPage(request, authorization, username, message)));
        });
    }

    @POST
    @Path("confirmforgotPassword")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> confirmForgotPassword(@PathParam("domain") String domain, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context RoutingContext context, String body) {
        MultivaluedMap<String, String> form = Forms.parse(body);
        return flow.submit(domain, context, uri.getQueryParameters(), headers, form, (request, authorization) -> {
            String username = Forms.value(form, "username");
            return userPools.call(ui -> ui.confirmForgotPassword(ConfirmRequest.newBuilder()
                    .setClientId(authorization.client().getClientId()).setUsername(username)
                    .setCode(Forms.value(form, "code")).setPassword(Forms.value(form, "password"))
                    .build()))
                    .map(done -> Pages.redirect(SignUpPages.loginWith(request, "notice_password_changed"), request))
                    .onFailure().recoverWithItem(flow.refusedOn(request,
                            message -> resetPage(request, authorization, username, "", message)));
        });
    }

    private Response forgotPage(PageRequest request, AuthorizationRequest authorization, String username,
            String error) {
        Page page = pages.page(request, authorization.client());
        page.nameLabel = Names.label(request.texts(), authorization.client().getPool().getUsernameAttributesList());
        page.username = username;
        page.error = error;
        return pages.html(pages.forgotPassword, page, request, 200);
    }

    private Response resetPage(PageRequest request, AuthorizationRequest authorization, String username,
            String destination, String error) {
        Page page = pages.page(request, authorization.client());
        page.username = username;
        page.error = error;
        page.destination = destination;
        page.intro = destination.isEmpty() ? "" : request.texts().text("reset_sent", destination);
        return pages.html(pages.confirmForgotPassword, page, request, 200);
    }
}
