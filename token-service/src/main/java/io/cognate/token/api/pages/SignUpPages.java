package io.cognate.token.api.pages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

import io.cognate.contracts.userpool.v1.CodeDelivery;
import io.cognate.contracts.userpool.v1.ConfirmRequest;
import io.cognate.contracts.userpool.v1.HostedSignUpRequest;
import io.cognate.contracts.userpool.v1.UserRef;
import io.cognate.token.api.oauth.Forms;
import io.cognate.token.oauth.AuthorizationRequest;
import io.cognate.token.oauth.RedirectUris;
import io.cognate.token.userpool.UserPoolClient;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Sign-up through the pages: the form ({@code /signup}, the pool's required attributes with the name and password),
 * the confirmation code ({@code /confirm}, {@code /resendcode}), then the sign-in form again with a notice.
 * SignUp, ConfirmSignUp and ResendConfirmationCode as the API runs them.
 */
@Path("/domain/{domain}")
public class SignUpPages {
    private final PageFlow flow;
    private final Pages pages;
    private final UserPoolClient userPools;

    public SignUpPages(PageFlow flow, Pages pages, UserPoolClient userPools) {
        this.flow = flow;
        this.pages = pages;
        this.userPools = userPools;
    }

    @GET
    @Path("signup")
    public Uni<Response> signUpForm(@PathParam("domain") String domain, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context RoutingContext context) {
        return flow.show(domain, context, uri.getQueryParameters(), headers,
                (request, authorization) -> Uni.createFrom().item(signUpPage(request, authorization, Map.of(), "")));
    }

    @POST
    @Path("signup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signUp(@PathParam("domain") String domain, @Context UriInfo uri, @Context HttpHeaders headers,
            @Context RoutingContext context, String body) {
        MultivaluedMap<String, String> form = Forms.parse(body);
        return flow.submit(domain, context, uri.getQueryParameters(), headers, form, (request, authorization) -> {
            if (!authorization.client().getPool().getSignUpAllowed()) {
                return Uni.createFrom().item(pages.errorPage(request, "invalid_request",
                        "SignUp is not permitted for this user pool"));
            }
            Map<String, String> values = new HashMap<>();
            form.forEach((field, list) -> {
                if (field.startsWith("attr_") && !list.isEmpty() && !list.get(0).isEmpty()) {
                    values.put(field.substring(5), list.get(0));
                }
            });
            values.put("username", Forms.value(form, "username"));
            Map<String, String> attributes = new HashMap<>(values);
            attributes.remove("username");
            String username = values.get("username");
            HostedSignUpRequest signUp = HostedSignUpRequest.newBuilder()
                    .setClientId(authorization.client().getClientId()).setUsername(username)
                    .setPassword(Forms.value(form, "password")).putAllAttributes(attributes).build();
            return userPools.call(ui -> ui.signUp(signUp)).map(delivery -> delivery.getConfirmed()
                    ? Pages.redirect(loginWith(request, "notice_confirmed"), request)
                    : confirmPage(request, authorization, username, delivery, ""))
                    .onFailure().recoverWithItem(flow.refusedOn(request,
                            message -> signUpPage(request, authorization, values, message)));
        });
    }

    @GET
    @Path("confirm")
    public Uni<Response> confirmForm(@PathParam("domain") String domain, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context RoutingContext context) {
        return flow.show(domain, context, uri.getQueryParameters(), headers, (request, authorization) -> Uni
                .createFrom().item(confirmPage(request, authorization, request.first("username"),
                        CodeDelivery.getDefaultInstance(), "")));
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> confirm(@PathParam("domain") String domain, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context RoutingContext context, String body) {
        MultivaluedMap<String, String> form = Forms.parse(body);
        return flow.submit(domain, context, uri.getQueryParameters(), headers, form, (request, authorization) -> {
            String username = Forms.value(form, "username");
            return userPools.call(ui -> ui.confirmSignUp(ConfirmRequest.newBuilder()
                    .setClientId(authorization.client().getClientId()).setUsername(username)
                    .setCode(Forms.value(form, "code")).build()))
                    .map(done -> Pages.redirect(loginWith(request, "notice_confirmed"), request))
                    .onFailure().recoverWithItem(flow.refusedOn(request, message -> confirmPage(request,
                            authorization, username, CodeDelivery.getDefaultInstance(), message)));
        });
    }

    @POST
    @Path("resendcode")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> resendCode(@PathParam("domain") String domain, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context RoutingContext context, String body) {
        MultivaluedMap<String, String> form = Forms.parse(body);
        return flow.submit(domain, context, uri.getQueryParameters(), headers, form, (request, authorization) -> {
            String username = Forms.value(form, "username");
            return userPools.call(ui -> ui.resendConfirmationCode(UserRef.newBuilder()
                    .setClientId(authorization.client().getClientId()).setUsername(username).build()))
                    .map(delivery -> confirmPage(request, authorization, username, delivery, "",
                            request.texts().text("notice_code_resent")))
                    .onFailure().recoverWithItem(flow.refusedOn(request, message -> confirmPage(request,
                            authorization, username, CodeDelivery.getDefaultInstance(), message)));
        });
    }

    /** The sign-in form's URL with a notice (confirmed, password changed) in the page's language. */
    static String loginWith(PageRequest request, String notice) {
        return RedirectUris.withQuery(request.on().path("/login") + "?" + request.carried(),
                Map.of("notice", notice));
    }

    private Response signUpPage(PageRequest request, AuthorizationRequest authorization, Map<String, String> values,
            String error) {
        PageTexts texts = request.texts();
        Page page = pages.page(request, authorization.client());
        List<String> names = authorization.client().getPool().getUsernameAttributesList();
        page.heading = texts.text("sign_up_heading");
        page.nameLabel = Names.label(texts, names);
        page.username = values.getOrDefault("username", "");
        page.error = error;
        page.fields = authorization.client().getPool().getRequiredAttributesList().stream()
                .filter(attribute -> !(names.size() == 1 && names.contains(attribute)))
                .map(attribute -> Names.field(texts, attribute, values.getOrDefault(attribute, ""))).toList();
        return pages.html(pages.signup, page, request, 200);
    }

    private Response confirmPage(PageRequest request, AuthorizationRequest authorization, String username,
            CodeDelivery delivery, String error) {
        return confirmPage(request, authorization, username, delivery, error, "");
    }

    private Response confirmPage(PageRequest request, AuthorizationRequest authorization, String username,
            CodeDelivery delivery, String error, String notice) {
        PageTexts texts = request.texts();
        Page page = pages.page(request, authorization.client());
        page.nameLabel = Names.label(texts, authorization.client().getPool().getUsernameAttributesList());
        page.username = username;
        page.error = error;
        page.notice = notice;
        page.destination = delivery.getDestination();
        page.intro = delivery.getDestination().isEmpty() ? "" : texts.text("confirm_sent", delivery.getDestination());
        return pages.html(pages.confirm, page, request, 200);
    }
}
