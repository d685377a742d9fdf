package io.cognate.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * The OAuth endpoints and hosted pages of a pool's domain, for tests: a domain and an OAuth app client made through
 * the AWS SDK, URLs of the domain's endpoints, and a cookie-keeping HTTP client that does not follow redirects, to
 * walk the pages' forms without a browser where a test is about the protocol rather than the page.
 */
public final class HostedUi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** A pool with a domain, and an OAuth client of it ({@code secret} null for a public client). */
    public record App(String poolId, String domain, String clientId, String secret, String redirectUri) {

        /** The domain's endpoints, as token-service serves them: {@code <issuer base>/domain/<domain>}. */
        public String base() {
            return Stack.get().issuerBaseUrl() + "/domain/" + domain;
        }

        public TestPool pool() {
            return new TestPool(poolId, clientId);
        }

        /** The authorize URL with the code flow's parameters and {@code extra} (which may override them). */
        public String authorizeUrl(Map<String, String> extra) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("response_type", "code");
            query.put("client_id", clientId);
            query.put("redirect_uri", redirectUri);
            query.putAll(extra);
            return base() + "/oauth2/authorize?" + form(query);
        }
    }

    private HostedUi() {
    }

    /** A new prefix domain for the pool. */
    public static String domain(String poolId) {
        String domain = Names.domainPrefix();
        Cognito.admin().createUserPoolDomain(b -> b.userPoolId(poolId).domain(domain));
        return domain;
    }

    /**
     * A standard pool with a domain and an OAuth client: code and implicit flows, the scopes openid, email, phone,
     * profile and aws.cognito.signin.user.admin, {@code redirectUri} as its callback and sign-out URL, COGNITO as its
     * identity provider; changed by {@code customize}.
     */
    public static App app(String redirectUri, Consumer<CreateUserPoolClientRequest.Builder> customize) {
        String poolId = TestPools.createPool(b -> {
        });
        return app(poolId, domain(poolId), redirectUri, customize);
    }

    public static App app(String poolId, String domain, String redirectUri,
            Consumer<CreateUserPoolClientRequest.Builder> customize) {
        UserPoolClientType client = TestPools.client(poolId, b -> {
            b.allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE, OAuthFlowType.IMPLICIT)
                    .allowedOAuthScopes("openid", "email", "phone", "profile", "aws.cognito.signin.user.admin")
                    .callbackURLs(redirectUri).logoutURLs(redirectUri).supportedIdentityProviders("COGNITO");
            customize.accept(b);
        });
        return new App(poolId, domain, client.clientId(), client.clientSecret(), redirectUri);
    }

    /**
     * A browser stand-in: keeps the cookies it is given (by name: the tests stay on one host, so paths and domains
     * do not matter; java.net.CookieManager would not keep cookies of localhost), never follows a redirect.
     */
    public static final class Session {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        public HttpResponse<String> get(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        public HttpResponse<String> post(String url, Map<String, String> form) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                    "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(form))));
        }

        public HttpResponse<String> send(HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList()));
            }
            try {
                HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                for (String set : response.headers().allValues("Set-Cookie")) {
                    String pair = set.split(";", 2)[0];
                    int equals = pair.indexOf('=');
                    if (set.contains("Max-Age=0") || equals == pair.length() - 1) {
                        cookies.remove(pair.substring(0, equals));
                    } else {
                        cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
                    }
                }
                return response;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /**
         * Signs in through the pages: the authorize URL, the sign-in form it leads to, the form posted; answers where
         * the pages send the browser at the end (the redirect URI with a code, or a page of a challenge).
         */
        public HttpResponse<String> signIn(String authorizeUrl, String username, String password) {
            HttpResponse<String> authorize = get(authorizeUrl);
            String login = location(authorize);
            if (!login.contains("/login?")) {
                return authorize; // signed in already (the pool's session cookie): straight to the redirect URI
            }
            HttpResponse<String> page = get(login);
            if (page.statusCode() != 200) {
                throw new IllegalStateException("the sign-in page answered " + page.statusCode() + ": " + page.body());
            }
            return post(login, Map.of("_csrf", csrf(page.body()), "username", username, "password", password));
        }

        /** Signs in and answers the code the redirect URI got. */
        public String code(String authorizeUrl, String username, String password) {
            return parameter(location(signIn(authorizeUrl, username, password)), "code");
        }
    }

    /** The Location of a redirect, resolved against the request's URL. */
    public static String location(HttpResponse<String> response) {
        if (response.statusCode() != 302) {
            throw new IllegalStateException("expected a redirect, got " + response.statusCode() + ": "
                    + response.body());
        }
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
    }

    /** The CSRF token of a page's form. */
    public static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token in the page: " + html);
        }
        return matcher.group(1);
    }

    /** A parameter of a URL's query or fragment; null when absent. */
    public static String parameter(String url, String name) {
        URI uri = URI.create(url);
        for (String part : new String[] { uri.getRawQuery(), uri.getRawFragment() }) {
            if (part == null) {
                continue;
            }
            for (String pair : part.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
                    return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    /** The token endpoint's answer to {@code form}, with client_secret_basic when the app has a secret. */
    public static HttpResponse<String> token(App app, Map<String, String> form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.base() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (app.secret() != null) {
            request.header("Authorization", basic(app.clientId(), app.secret()));
        }
        return new Session().send(request);
    }

    /** Redeems a code (with its PKCE verifier, when there is one) at the token endpoint. */
    public static HttpResponse<String> redeem(App app, String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", app.redirectUri());
        if (app.secret() == null) {
            form.put("client_id", app.clientId());
        }
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return token(app, form);
    }

    public static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 7636 S256 of a verifier. */
    public static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh PKCE verifier: 43 characters of base64url. */
    public static String verifier() {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    public static String form(Map<String, String> parameters) {
        StringBuilder form = new StringBuilder();
        parameters.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }

    public static List<String> scopes(JsonNode accessTokenClaims) {
        return List.of(accessTokenClaims.path("scope").asText().split(" "));
    }
}
