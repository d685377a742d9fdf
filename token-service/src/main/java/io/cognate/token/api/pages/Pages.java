package io.cognate.token.api.pages;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.cognate.contracts.userpool.v1.OAuthClient;
import io.cognate.contracts.userpool.v1.PageStyle;
import io.cognate.token.api.oauth.OnDomain;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * Renders the hosted pages: each page's template with its texts ({@code t}) and model ({@code page}), as HTML that
 * is never cached nor framed, with the CSRF cookie when the browser has none yet.
 */
@Singleton
public class Pages {
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{3,8}");
    private static final String SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "frame-ancestors 'none'; base-uri 'none'";

    final Template login;
    final Template challenge;
    final Template mfaSetup;
    final Template signup;
    final Template confirm;
    final Template forgotPassword;
    final Template confirmForgotPassword;
    final Template error;

    public Pages(@Location("pages/login.html") Template login, @Location("pages/challenge.html") Template challenge,
            @Location("pages/mfa-setup.html") Template mfaSetup, @Location("pages/signup.html") Template signup,
            @Location("pages/confirm.html") Template confirm,
            @Location("pages/forgot-password.html") Template forgotPassword,
            @Location("pages/confirm-forgot-password.html") Template confirmForgotPassword,
            @Location("pages/error.html") Template error) {
        this.login = login;
        this.challenge = challenge;
        this.mfaSetup = mfaSetup;
        this.signup = signup;
        this.confirm = confirm;
        this.forgotPassword = forgotPassword;
        this.confirmForgotPassword = confirmForgotPassword;
        this.error = error;
    }

    /** The request of a page: its domain, query, language and CSRF token (the cookie's, or a new one). */
    public static PageRequest request(OnDomain on, MultivaluedMap<String, String> query, HttpHeaders headers) {
        String cookie = headers.getCookies().containsKey(Csrf.COOKIE)
                ? Csrf.valid(headers.getCookies().get(Csrf.COOKIE).getValue())
                : null;
        String lang = query.getFirst("lang");
        return new PageRequest(on, query, PageTexts.of(lang), cookie == null ? Csrf.newToken() : cookie,
                cookie == null);
    }

    /** Whether a form's CSRF token is the cookie's (a POST without it is refused). */
    public static boolean csrfValid(HttpHeaders headers, String field) {
        return headers.getCookies().containsKey(Csrf.COOKIE)
                && Csrf.matches(headers.getCookies().get(Csrf.COOKIE).getValue(), field);
    }

    /** A page for the request, styled for the client (null: the default style). */
    public Page page(PageRequest request, OAuthClient client) {
        return new Page(request.on(), request.texts().language(), client == null ? Page.Style.DEFAULT
                : style(client.getStyle()), request.carried(), request.csrf());
    }

    public Response html(Template template, Page page, PageRequest request, int status, String... cookies) {
        String body = template.data("page", page).data("t", request.texts().all()).render();
        Response.ResponseBuilder response = Response.status(status).entity(body).type("text/html; charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", SECURITY_POLICY).header("Referrer-Policy", "no-referrer");
        setCookies(response, request, cookies);
        return response.build();
    }

    /** The error page (HTTP 400), as Cognito's /error shows an error it will not send to the client. */
    public Response errorPage(PageRequest request, String error, String description) {
        Page page = page(request, null);
        page.errorCode = error;
        page.description = description;
        return html(this.error, page, request, 400);
    }

    /** A redirect (302 Found), with cookies to set on the way. */
    public static Response redirect(String location, PageRequest request, String... cookies) {
        Response.ResponseBuilder response = Response.status(Response.Status.FOUND).header(HttpHeaders.LOCATION,
                location).header(HttpHeaders.CACHE_CONTROL, "no-store");
        setCookies(response, request, cookies);
        return response.build();
    }

    private static void setCookies(Response.ResponseBuilder response, PageRequest request, String... cookies) {
        List<String> all = new ArrayList<>(List.of(cookies));
        if (request != null && request.newCsrf()) {
            all.add(Csrf.COOKIE + "=" + request.csrf() + request.on().cookieAttributes());
        }
        all.forEach(cookie -> response.header("Set-Cookie", cookie));
    }

    private static Page.Style style(PageStyle style) {
        Map<String, String> colors = new java.util.HashMap<>();
        style.getColorsMap().forEach((name, value) -> {
            if (COLOR.matcher(value).matches()) {
                colors.put(name, value);
            }
        });
        String logo = style.getLogo().isEmpty() ? ""
                : "data:" + style.getLogoType() + ";base64,"
                        + Base64.getEncoder().encodeToString(style.getLogo().toByteArray());
        // The CSS stays inside its <style> element: user-pool-service refuses CSS with '<' in it, and so does this.
        String css = style.getCss().contains("<") ? "" : style.getCss();
        return Page.Style.of(colors, css, logo);
    }
}
