package io.cognate.token.api.pages;

import static io.cognate.token.api.oauth.Forms.value;

import java.util.Arrays;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cognate.contracts.userpool.v1.AssociateSoftwareTokenRequest;
import io.cognate.contracts.userpool.v1.Challenge;
import io.cognate.contracts.userpool.v1.HostedRespondRequest;
import io.cognate.contracts.userpool.v1.HostedSignInRequest;
import io.cognate.contracts.userpool.v1.SignInStep;
import io.cognate.contracts.userpool.v1.VerifySoftwareTokenRequest;
import io.cognate.token.api.oauth.Forms;
import io.cognate.token.oauth.AuthorizationRequest;
import io.cognate.token.oauth.RedirectUris;
import io.cognate.token.userpool.UserPoolClient;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The sign-in pages: the form ({@code /login}), the challenges that may follow it ({@code /challenge}: a new
 * password, a TOTP, email or SMS code, the choice of a factor) and the set-up of an authenticator app
 * ({@code /mfa-setup}). Each step is the API's (user-pool-service's hosted sign-in), shown as a page.
 */
@Path("/domain/{domain}")
public class SignInPages {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The notices another page may show on the sign-in form ({@code notice=} in its URL). */
    private static final List<String> NOTICES = List.of("notice_confirmed", "notice_password_changed");
    private final PageFlow flow;
    private final Pages pages;
    private final UserPoolClient userPools;

    public SignInPages(PageFlow flow, Pages pages, UserPoolClient userPools) {
        this.flow = flow;
        this.pages = pages;
        this.userPools = userPools;
    }

    @GET
    @Path("login")
    public Uni<Response> login(@PathParam("domain") String domain, @Context UriInfo uri, @Context HttpHeaders headers,
            @Context RoutingContext context) {
        return flow.show(domain, context, uri.getQueryParameters(), headers, (request, authorization) -> {
            Response page = loginPage(request, authorization, authorization.loginHint(), "", 200,
                    NOTICES.contains(request.first("notice")) ? request.texts().text(request.first("notice")) : "");
            return Uni.createFrom().item(page);
        });
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signIn(@PathParam("domain") String domain, @Context UriInfo uri, @Context HttpHeaders headers,
            @Context RoutingContext context, String body) {
        MultivaluedMap<String, String> form = Forms.parse(body);
        return flow.submit(domain, context, uri.getQueryParameters(), headers, form, (request, authorization) -> {
            String username = value(form, "username");
            if (!authorization.passwordSignIn()) {
                return Uni.createFrom().item(loginPage(request, authorization, username, "", 400));
            }
            HostedSignInRequest signIn = HostedSignInRequest.newBuilder()
                    .setClientId(authorization.client().getClientId()).setUsername(username)
                    .setPassword(value(form, "password")).build();
            return userPools.call(ui -> ui.signIn(signIn)).chain(step -> next(request, authorization, step))
                    .onFailure().recoverWithItem(flow.refusedOn(request,
                            message -> loginPage(request, authorization, username, message, 200)));
        });
    }

    @POST
    @Path("challenge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> respond(@PathParam("domain") String domain, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context RoutingContext context, String body) {
        MultivaluedMap<String, String> form = Forms.parse(body);
        return flow.submit(domain, context, uri.getQueryParameters(), headers, form, (request, authorization) -> {
            String clientId = authorization.client().getClientId();
            String name = value(form, "challenge");
            Uni<String> session = Uni.createFrom().item(value(form, "session"));
            Map<String, String> responses = new HashMap<>();
            switch (name) {
                case "NEW_PASSWORD_REQUIRED" -> {
                    responses.put("NEW_PASSWORD", value(form, "new_password"));
                    form.forEach((field, values) -> {
                        if (field.startsWith("attr_") && !values.isEmpty()) {
                            responses.put("userAttributes." + field.substring(5), values.get(0));
                        }
                    });
                }
                case "SOFTWARE_TOKEN_MFA", "EMAIL_OTP", "SMS_MFA" -> responses.put(name + "_CODE", value(form, "code"));
                case "SELECT_MFA_TYPE" -> responses.put("ANSWER", value(form, "answer"));
                case "MFA_SETUP" -> session = userPools.call(ui -> ui.verifySoftwareToken(VerifySoftwareTokenRequest
                        .newBuilder().setClientId(clientId).setSession(value(form, "session"))
                        .setCode(value(form, "code")).build())).map(verified -> verified.getSession());
                default -> {
                    return Uni.createFrom().item(pages.errorPage(request, "invalid_request", "Unknown challenge"));
                }
            }
            return session.chain(answered -> userPools.call(ui -> ui.respond(HostedRespondRequest.newBuilder()
                    .setClientId(clientId).setChallengeName(name).setSession(answered)
                    .setUsername(value(form, "username")).putAllResponses(responses).build())))
                    .chain(step -> next(request, authorization, step))
                    .onFailure().recoverWithItem(flow.refusedOn(request, message -> "MFA_SETUP".equals(name)
                            ? loginPage(request, authorization, value(form, "username"), message, 200)
                            : challengePage(request, authorization, again(form, name), message)));
        });
    }

    @POST
    @Path("mfa-setup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> setUpAuthenticator(@PathParam("domain") String domain, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context RoutingContext context, String body) {
        MultivaluedMap<String, String> form = Forms.parse(body);
        return flow.submit(domain, context, uri.getQueryParameters(), headers, form, (request, authorization) -> {
            String username = value(form, "username");
            return userPools.call(ui -> ui.associateSoftwareToken(AssociateSoftwareTokenRequest.newBuilder()
                    .setClientId(authorization.client().getClientId()).setSession(value(form, "session")).build()))
                    .map(association -> {
                        Page page = pages.page(request, authorization.client());
                        page.heading = request.texts().text("heading_MFA_SETUP");
                        page.session = association.getSession();
                        page.username = username;
                        page.secret = association.getSecretCode();
                        page.qr = QrCodes.svg(Authenticators.uri(authorization.client().getClientName(), username,
                                association.getSecretCode()));
                        return pages.html(pages.mfaSetup, page, request, 200);
                    })
                    .onFailure().recoverWithItem(flow.refusedOn(request,
                            message -> loginPage(request, authorization, username, message, 200)));
        });
    }

    /** The next step: signed in (the code or tokens at the redirect URI), or the page of the next challenge. */
    private Uni<Response> next(PageRequest request, AuthorizationRequest authorization, SignInStep step) {
        if (step.hasAuthenticated()) {
            return flow.signedIn(request, authorization, step.getAuthenticated());
        }
        return Uni.createFrom().item(challengePage(request, authorization, step.getChallenge(), ""));
    }

    private Response loginPage(PageRequest request, AuthorizationRequest authorization, String username,
            String error, int status) {
        return loginPage(request, authorization, username, error, status, "");
    }

    private Response loginPage(PageRequest request, AuthorizationRequest authorization, String username,
            String error, int status, String notice) {
        Page page = pages.page(request, authorization.client());
        page.heading = request.texts().text("sign_in_heading");
        page.nameLabel = Names.label(request.texts(), authorization.client().getPool().getUsernameAttributesList());
        page.username = username;
        page.error = error;
        page.notice = notice;
        page.passwordSignIn = authorization.passwordSignIn();
        page.signUpAllowed = authorization.client().getPool().getSignUpAllowed();
        page.providers = authorization.externalProviders().stream().map(name -> {
            Map<String, String> query = request.carriedParameters();
            query.put("identity_provider", name);
            return new Page.ProviderLink(name, request.on().path("/oauth2/authorize") + "?"
                    + RedirectUris.encode(query));
        }).toList();
        return pages.html(pages.login, page, request, status);
    }

    private Response challengePage(PageRequest request, AuthorizationRequest authorization, Challenge challenge,
            String error) {
        PageTexts texts = request.texts();
        Page page = pages.page(request, authorization.client());
        Map<String, String> parameters = challenge.getParametersMap();
        page.challenge = challenge.getName();
        page.session = challenge.getSession();
        page.username = parameters.getOrDefault("USER_ID_FOR_SRP", "");
        page.heading = texts.textOr("heading_" + challenge.getName(), challenge.getName());
        page.error = error;
        switch (challenge.getName()) {
            case "SOFTWARE_TOKEN_MFA" -> page.intro = texts.text("intro_totp");
            case "MFA_SETUP" -> page.intro = texts.text("intro_mfa_setup");
            case "EMAIL_OTP", "SMS_MFA" -> {
                page.destination = parameters.getOrDefault("CODE_DELIVERY_DESTINATION", "");
                page.intro = page.destination.isEmpty() ? "" : texts.text("intro_code_sent", page.destination);
            }
            case "SELECT_MFA_TYPE" -> page.choices = list(parameters.get("MFAS_CAN_CHOOSE")).stream()
                    .map(choice -> new Page.Choice(choice, texts.textOr("mfa_" + choice, choice))).toList();
            case "NEW_PASSWORD_REQUIRED" -> page.fields = list(parameters.get("requiredAttributes")).stream()
                    .map(attribute -> Names.field(texts, attribute.replace("userAttributes.", ""), "")).toList();
            default -> {
            }
        }
        return pages.html(pages.challenge, page, request, 200);
    }

    /** The challenge a refused answer asked, for its page again: what the form carried of it. */
    private static Challenge again(MultivaluedMap<String, String> form, String name) {
        List<String> attributes = form.keySet().stream().filter(field -> field.startsWith("attr_"))
                .map(field -> "userAttributes." + field.substring(5)).toList();
        List<String> choices = Arrays.stream(value(form, "choices").split(",")).filter(c -> !c.isEmpty()).toList();
        return Challenge.newBuilder().setName(name).setSession(value(form, "session"))
                .putParameters("USER_ID_FOR_SRP", value(form, "username"))
                .putParameters("CODE_DELIVERY_DESTINATION", value(form, "destination"))
                .putParameters("MFAS_CAN_CHOOSE", json(choices)).putParameters("requiredAttributes", json(attributes))
                .build();
    }

    /** A challenge parameter that is a JSON list of strings (MFAS_CAN_CHOOSE, requiredAttributes). */
    static List<String> list(String json) {
        try {
            return json == null || json.isEmpty() ? List.of() : List.of(JSON.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static String json(List<String> list) {
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
