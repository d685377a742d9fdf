package io.cognate.reliability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates hostile requests for token-service's endpoints and pages on a pool's domain from a seeded
 * {@link Random}: a plausible request (the parameters each endpoint reads, with the app's real client, redirect URI,
 * tokens and CSRF pair among the values), then one mutation of it (a parameter missing, extra, repeated, empty, at a
 * boundary length, odd or 1 MB long; invalid UTF-8 or a broken percent escape; another content type or method; a
 * garbled Authorization header or cookie; another domain in the path).
 */
final class OAuthFuzzer {
    /** What the requests may use: the app's client and redirect URI, real tokens of its user, a CSRF pair. */
    record Known(String domain, String clientId, String secret, String redirectUri, String accessToken,
            String idToken, String refreshToken, String username, String csrfCookie, String csrf, String poolId) {
    }

    /** One request: method, path under the issuer base, query (raw, may be empty), body, headers. */
    record Request(String mutation, String method, String path, String query, byte[] body,
            Map<String, String> headers) {
    }

    private record Endpoint(String method, String path, List<String> parameters) {
        boolean form() {
            return method.equals("POST");
        }
    }

    private static final List<String> AUTHORIZE = List.of("response_type", "client_id", "redirect_uri", "state",
            "scope", "code_challenge", "code_challenge_method", "nonce", "identity_provider", "idp_identifier", "lang",
            "prompt", "login_hint");
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/oauth2/authorize", AUTHORIZE),
            new Endpoint("POST", "/oauth2/token", List.of("grant_type", "code", "redirect_uri", "client_id",
                    "client_secret", "code_verifier", "refresh_token", "scope")),
            new Endpoint("GET", "/oauth2/userInfo", List.of()),
            new Endpoint("POST", "/oauth2/userInfo", List.of("access_token")),
            new Endpoint("POST", "/oauth2/revoke", List.of("token", "client_id", "client_secret",
                    "token_type_hint")),
            new Endpoint("GET", "/logout", List.of("client_id", "logout_uri", "redirect_uri", "response_type",
                    "state", "scope", "id_token_hint", "post_logout_redirect_uri", "lang")),
            new Endpoint("GET", "/login", AUTHORIZE),
            new Endpoint("POST", "/login", concat(AUTHORIZE, "_csrf", "username", "password")),
            new Endpoint("POST", "/challenge", concat(AUTHORIZE, "_csrf", "session", "username", "challenge",
                    "answer", "code", "new_password", "password", "mfa")),
            new Endpoint("POST", "/mfa-setup", concat(AUTHORIZE, "_csrf", "session", "username", "code")),
            new Endpoint("GET", "/signup", AUTHORIZE),
            new Endpoint("POST", "/signup", concat(AUTHORIZE, "_csrf", "username", "password", "email",
                    "phone_number", "name", "requiredAttributes")),
            new Endpoint("GET", "/confirm", concat(AUTHORIZE, "username", "destination")),
            new Endpoint("POST", "/confirm", concat(AUTHORIZE, "_csrf", "username", "code")),
            new Endpoint("POST", "/resendcode", concat(AUTHORIZE, "_csrf", "username")),
            new Endpoint("GET", "/forgotPassword", AUTHORIZE),
            new Endpoint("POST", "/forgotPassword", concat(AUTHORIZE, "_csrf", "username")),
            new Endpoint("POST", "/confirmforgotPassword", concat(AUTHORIZE, "_csrf", "username", "code",
                    "password", "confirm")),
            new Endpoint("GET", "/oauth2/idpresponse", List.of("code", "state", "error", "error_description")),
            new Endpoint("POST", "/oauth2/idpresponse", List.of("code", "state", "id_token", "user")),
            new Endpoint("POST", "/saml2/idpresponse", List.of("SAMLResponse", "RelayState")),
            new Endpoint("POST", "/saml2/logout", List.of("SAMLRequest", "SAMLResponse", "RelayState")),
            new Endpoint("GET", "/saml2/metadata", List.of()),
            new Endpoint("GET", "/error", List.of("error", "client_id", "redirect_uri", "lang")));
    private static final int[] LENGTHS = { 0, 1, 2, 31, 32, 43, 44, 127, 128, 129, 255, 256, 257, 1024, 2048, 2049,
            4096, 8192, 20_000 };
    private static final List<String> ODD = List.of("", " ", "\u0000", "null", "-1", "../../etc/passwd", "' OR '1'='1",
            "<script>alert(1)</script>", "\uD83D\uDE00", "\uFFFF", "\u202E", "${jndi:ldap://127.0.0.1:1/x}",
            "{{7*7}}", "\r\nX-Injected: 1", "https://evil.example/", "//evil.example", "javascript:alert(1)",
            "http://127.0.0.1:1/", "a".repeat(300), "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.~";

    private final Known known;
    private final Random random;

    OAuthFuzzer(Known known, long seed) {
        this.known = known;
        this.random = new Random(seed);
    }

    static int endpoints() {
        return ENDPOINTS.size();
    }

    /** A request for the {@code index}-th endpoint (modulo their number). */
    Request next(int index) {
        Endpoint endpoint = ENDPOINTS.get(index % ENDPOINTS.size());
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String name : endpoint.parameters()) {
            if (random.nextInt(3) > 0) {
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(plausible(name));
            }
        }
        String method = endpoint.method();
        String domain = known.domain();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", known.csrfCookie());
        String contentType = endpoint.form() ? "application/x-www-form-urlencoded" : null;
        if (endpoint.path().equals("/oauth2/userInfo") && random.nextBoolean()) {
            headers.put("Authorization", "Bearer " + known.accessToken());
        }
        if (endpoint.path().equals("/oauth2/token") || endpoint.path().equals("/oauth2/revoke")) {
            if (random.nextBoolean()) {
                headers.put("Authorization", basic(known.clientId(), known.secret()));
            }
        }
        String name = endpoint.parameters().isEmpty() ? "x"
                : endpoint.parameters().get(random.nextInt(endpoint.parameters().size()));
        String raw = null;
        String mutation;
        switch (random.nextInt(16)) {
            case 0 -> mutation = "plausible";
            case 1 -> {
                mutation = "missing " + name;
                parameters.remove(name);
            }
            case 2 -> {
                mutation = "extra parameter";
                parameters.computeIfAbsent("extra_" + random.nextInt(100), n -> new ArrayList<>()).add(text(8));
            }
            case 3 -> {
                mutation = "repeated " + name;
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.of(plausible(name), text(6)));
            }
            case 4 -> {
                mutation = "empty " + name;
                parameters.put(name, new ArrayList<>(List.of("")));
            }
            case 5 -> {
                int length = LENGTHS[random.nextInt(LENGTHS.length)];
                mutation = name + " of length " + length;
                parameters.put(name, new ArrayList<>(List.of(text(length))));
            }
            case 6 -> {
                mutation = "odd " + name;
                parameters.put(name, new ArrayList<>(List.of(ODD.get(random.nextInt(ODD.size())))));
            }
            case 7 -> {
                int length = endpoint.form() ? 1_048_576 : 8_000 + random.nextInt(60_000);
                mutation = name + " " + length + " long";
                parameters.put(name, new ArrayList<>(List.of(text(length))));
            }
            case 8 -> {
                mutation = "invalid UTF-8 in " + name;
                raw = encode(parameters) + "&" + name + "=%C3%28%FF%FE";
            }
            case 9 -> {
                mutation = "broken percent escape in " + name;
                // Only a body may carry it: a URL with one is not a URL, and no client sends it.
                raw = endpoint.form() ? encode(parameters) + "&" + name + "=a%zz" + (random.nextBoolean() ? "%" : "")
                        : encode(parameters) + "&" + name + "=%C0%AF";
            }
            case 10 -> {
                List<String> types = List.of("application/json", "text/plain", "multipart/form-data; boundary=x", "",
                        "application/x-www-form-urlencoded; charset=ISO-8859-1", "*/*");
                contentType = types.get(random.nextInt(types.size()));
                if (!endpoint.form()) {
                    method = "POST";
                }
                mutation = "content type '" + contentType + "'";
                if (contentType.equals("application/json") && endpoint.form()) {
                    raw = "{\"" + name + "\":\"" + text(6) + "\"}";
                }
            }
            case 11 -> {
                List<String> methods = List.of("PUT", "DELETE", "PATCH", endpoint.form() ? "GET" : "POST");
                method = methods.get(random.nextInt(methods.size()));
                mutation = "method " + method;
            }
            case 12 -> {
                List<String> values = List.of("Basic", "Basic !!!", "Basic " + base64(":"), "Basic " + base64("a"),
                        "Basic " + base64(known.clientId() + ":wrong"), "Bearer", "Bearer " + text(40),
                        "Bearer " + known.idToken(), "Bearer " + text(30_000), "Negotiate x", "bearer "
                                + known.accessToken(),
                        "Basic " + base64("%zz:%zz"));
                headers.put("Authorization", values.get(random.nextInt(values.size())));
                mutation = "Authorization '" + abbreviate(headers.get("Authorization")) + "'";
            }
            case 13 -> {
                List<String> cookies = List.of("cognito=" + text(40), "cognito=", "XSRF-TOKEN=" + text(20),
                        "cognito=" + text(6_000), "cognito=\"\"; cognito=x", known.csrfCookie() + "; cognito="
                                + known.refreshToken());
                headers.put("Cookie", cookies.get(random.nextInt(cookies.size())));
                mutation = "cookie '" + abbreviate(headers.get("Cookie")) + "'";
            }
            case 14 -> {
                List<String> domains = List.of("nosuchdomain", "x", "%2e%2e", "UPPER" + domain, domain + "%00",
                        domain + ".", "a".repeat(70), "%F0%9F%98%80");
                domain = domains.get(random.nextInt(domains.size()));
                mutation = "domain '" + domain + "'";
            }
            default -> {
                mutation = "every parameter odd";
                for (String each : endpoint.parameters()) {
                    parameters.put(each, new ArrayList<>(List.of(ODD.get(random.nextInt(ODD.size())))));
                }
            }
        }
        String encoded = raw != null ? raw : encode(parameters);
        if (contentType != null && !contentType.isEmpty()) {
            headers.put("Content-Type", contentType);
        }
        boolean inBody = endpoint.form() && !method.equals("GET");
        return new Request(mutation, method, "/domain/" + domain + endpoint.path(), inBody ? "" : encoded,
                inBody ? encoded.getBytes(StandardCharsets.UTF_8) : new byte[0], headers);
    }

    private String plausible(String name) {
        boolean real = random.nextInt(4) > 0;
        return switch (name) {
            case "client_id" -> real ? known.clientId() : text(26);
            case "client_secret" -> real ? known.secret() : text(51);
            case "redirect_uri", "logout_uri", "post_logout_redirect_uri" -> real ? known.redirectUri()
                    : known.redirectUri() + "/" + text(3);
            case "response_type" -> pick("code", "token", "id_token", "code token", text(5));
            case "grant_type" -> pick("authorization_code", "refresh_token", "client_credentials", "password",
                    text(5));
            case "scope" -> pick("openid", "openid email", "aws.cognito.signin.user.admin", "profile phone",
                    "openid " + text(8));
            case "code_challenge_method" -> pick("S256", "plain", "s256");
            case "code_challenge", "code_verifier" -> text(43);
            case "refresh_token", "token" -> real ? known.refreshToken() : text(100);
            case "access_token" -> real ? known.accessToken() : text(100);
            case "id_token_hint", "id_token" -> real ? known.idToken() : text(100);
            case "prompt" -> pick("login", "none", "consent", "select_account");
            case "lang" -> pick("en", "fr", "de", "ja", "zz", "en-US");
            case "token_type_hint" -> pick("refresh_token", "access_token");
            case "identity_provider" -> pick("COGNITO", "Google", "SignInWithApple", text(8));
            case "username", "login_hint" -> real ? known.username() : text(12);
            case "_csrf" -> real ? known.csrf() : text(20);
            case "SAMLResponse", "SAMLRequest" -> base64("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:"
                    + "2.0:protocol\" ID=\"" + text(8) + "\"/>");
            default -> text(1 + random.nextInt(16));
        };
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    private String text(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static String encode(Map<String, List<String>> parameters) {
        StringBuilder form = new StringBuilder();
        parameters.forEach((name, values) -> values.forEach(value -> form.append(form.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return form.toString();
    }

    private static String basic(String clientId, String secret) {
        return "Basic " + base64(clientId + ":" + secret);
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
