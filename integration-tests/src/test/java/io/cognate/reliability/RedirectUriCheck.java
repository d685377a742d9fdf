package io.cognate.reliability;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.HostedUi;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

/**
 * The OAuth redirect-URI battery: an app registers {@code https://app.example.com/callback} and a loopback URI; a
 * browser already signed in to the pool (so a request that passed would be answered with a code at once) asks
 * {@code /oauth2/authorize} and {@code /logout} to send it to look-alikes of them. Target: no redirect leaves the
 * domain except to a registered URI, exactly.
 */
class RedirectUriCheck {
    private static final String REGISTERED = "https://app.example.com/callback";
    private static final String LOOPBACK = "http://localhost:8123/cb";
    private static final List<String> VARIANTS = List.of(
            "https://evil.example/callback",
            "https://app.example.com.evil.example/callback",
            "https://app.example.com@evil.example/callback",
            "https://evil.example@app.example.com/callback",
            "https://app.example.com%40evil.example/callback",
            "https://app.example.com\\@evil.example/callback",
            "https://app.example.com%2F@evil.example/callback",
            "https://app.example.com%00.evil.example/callback",
            "https://app.example.com/callback/../../evil",
            "https://app.example.com/callback/..%2F..%2Fevil",
            "https://app.example.com/callback%2F..%2Fevil",
            "https://app.example.com/callback/",
            "https://app.example.com/callback?next=https://evil.example",
            "https://app.example.com/callback#@evil.example",
            "https://app.example.com/Callback",
            "https://APP.EXAMPLE.COM/callback",
            "https://app.example.com./callback",
            "https://app.example.com:443/callback",
            "https://app.example.com:8443/callback",
            "http://app.example.com/callback",
            "//evil.example/callback",
            "///evil.example/callback",
            "https:evil.example/callback",
            "javascript:alert(1)//https://app.example.com/callback",
            "data:text/html,<script>alert(1)</script>",
            " https://app.example.com/callback",
            "https://app.example.com/callback%09",
            "https://app.example.com/callback%0d%0aLocation:%20https://evil.example",
            "http://localhost:9999/cb",
            "http://127.0.0.1:8123/cb",
            "http://localhost:8123/cb/../evil",
            "http://localhost.evil.example:8123/cb");

    @Test
    void noRedirectLeavesTheRegisteredList() {
        HostedUi.App app = HostedUi.app(REGISTERED, b -> b.callbackURLs(REGISTERED, LOOPBACK)
                .logoutURLs(REGISTERED, LOOPBACK));
        TestUser user = TestUsers.confirmed(app.poolId());
        HostedUi.Session browser = new HostedUi.Session();
        String control = HostedUi.location(browser.signIn(app.authorizeUrl(Map.of("scope", "openid")),
                user.username(), user.password()));
        if (!control.startsWith(REGISTERED + "?code=")) {
            throw new AssertionError("the registered redirect URI did not get a code: " + control);
        }
        List<String> evidence = new ArrayList<>();
        evidence.add("control: " + REGISTERED + " -> " + control.replaceAll("code=[^&]+", "code=..."));
        int offList = 0;
        int serverErrors = 0;
        for (String variant : VARIANTS) {
            for (String endpoint : List.of("authorize", "logout")) {
                String url = endpoint.equals("authorize")
                        ? app.authorizeUrl(Map.of("redirect_uri", variant, "scope", "openid"))
                        : app.base() + "/logout?client_id=" + app.clientId() + "&logout_uri=" + URLEncoder.encode(
                                variant, StandardCharsets.UTF_8);
                HttpResponse<String> response = browser.get(url);
                String location = response.headers().firstValue("Location").orElse("");
                boolean leaves = response.statusCode() / 100 == 3 && !location.isEmpty()
                        && !HostedUi.location(response).startsWith(app.base() + "/") && !onList(location);
                offList += leaves ? 1 : 0;
                serverErrors += response.statusCode() >= 500 ? 1 : 0;
                evidence.add(response.statusCode() + "  " + endpoint + "  " + variant + (location.isEmpty() ? ""
                        : "  ->  " + location.replaceAll("code=[^&]+", "code=..."))
                        + (leaves ? "   OFF THE LIST"
                                : ""));
                if (endpoint.equals("logout")) {
                    browser.signIn(app.authorizeUrl(Map.of("scope", "openid")), user.username(), user.password());
                }
            }
        }
        String logout = HostedUi.location(browser.get(app.base() + "/logout?client_id=" + app.clientId()
                + "&logout_uri=" + URLEncoder.encode(REGISTERED, StandardCharsets.UTF_8)));
        evidence.add(1, "control: logout_uri " + REGISTERED + " -> " + logout);
        if (!logout.equals(REGISTERED)) {
            throw new AssertionError("/logout did not return to the registered sign-out URL: " + logout);
        }
        Report.record("redirect URIs", "0 redirects off the registered list, 0 5xx", offList + " redirects off the "
                + "list, " + serverErrors + " 5xx, over " + VARIANTS.size() + " variants on /oauth2/authorize and "
                + "/logout", offList == 0 && serverErrors == 0, evidence);
    }

    /** A registered URI exactly, with nothing but a query after it. */
    private static boolean onList(String location) {
        for (String registered : List.of(REGISTERED, LOOPBACK)) {
            if (location.equals(registered) || location.startsWith(registered + "?")) {
                return true;
            }
        }
        return false;
    }
}
