import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OAuth half of the benchmark's setup (LoadGen runs it): a domain for the bench pool, a resource server, a web
 * client (code flow) and a machine client (client_credentials); one sign-in through the hosted pages, whose session
 * cookie then issues authorization codes without the form (single sign-on), and whose code gives the access token
 * the userInfo scenario reads with. Appends its KEY=VALUE lines to the state file.
 */
final class OAuthLoad {
    static final String CALLBACK = "http://127.0.0.1:9/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private OAuthLoad() {
    }

    /** {@code tokenBase}: token-service's base URL (http://127.0.0.1:8801). */
    static void setup(LoadGen.Api api, String poolId, String username, String password, String tokenBase,
            Path stateFile) throws Exception {
        String domain = "bench" + Long.toString(System.currentTimeMillis(), 36);
        api.admin("CreateUserPoolDomain", "{\"UserPoolId\":\"" + poolId + "\",\"Domain\":\"" + domain + "\"}");
        api.admin("CreateResourceServer", "{\"UserPoolId\":\"" + poolId + "\",\"Identifier\":\"bench-api\","
                + "\"Name\":\"Bench\",\"Scopes\":[{\"ScopeName\":\"read\",\"ScopeDescription\":\"read\"}]}");
        String web = LoadGen.field(api.admin("CreateUserPoolClient", "{\"UserPoolId\":\"" + poolId + "\","
                + "\"ClientName\":\"bench-web\",\"AllowedOAuthFlowsUserPoolClient\":true,\"AllowedOAuthFlows\":"
                + "[\"code\"],\"AllowedOAuthScopes\":[\"openid\",\"email\",\"profile\"],\"CallbackURLs\":[\""
                + CALLBACK + "\"],\"SupportedIdentityProviders\":[\"COGNITO\"]}"), "ClientId");
        String machine = api.admin("CreateUserPoolClient", "{\"UserPoolId\":\"" + poolId + "\",\"ClientName\":"
                + "\"bench-machine\",\"GenerateSecret\":true,\"AllowedOAuthFlowsUserPoolClient\":true,"
                + "\"AllowedOAuthFlows\":[\"client_credentials\"],\"AllowedOAuthScopes\":[\"bench-api/read\"]}");
        String base = tokenBase + "/domain/" + domain;
        String query = "response_type=code&client_id=" + web + "&redirect_uri=" + encode(CALLBACK)
                + "&scope=openid+email+profile";

        Browser browser = new Browser();
        String login = browser.location(browser.get(base + "/oauth2/authorize?" + query));
        HttpResponse<String> page = browser.get(login);
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no sign-in form at " + login + ": " + page.statusCode());
        }
        String callback = browser.location(browser.post(login, "_csrf=" + encode(csrf.group(1)) + "&username="
                + encode(username) + "&password=" + encode(password)));
        String code = parameter(callback, "code");
        HttpResponse<String> tokens = browser.post(base + "/oauth2/token", "grant_type=authorization_code&client_id="
                + web + "&code=" + code + "&redirect_uri=" + encode(CALLBACK));
        String lines = "OAUTH_BASE=" + base + "\nOAUTH_PATH=/domain/" + domain + "\nWEB_CLIENT_ID=" + web
                + "\nCALLBACK=" + CALLBACK + "\nAUTHORIZE_QUERY='" + query + "'\nMACHINE_CLIENT_ID="
                + LoadGen.field(machine, "ClientId") + "\nMACHINE_SECRET=" + LoadGen.field(machine, "ClientSecret")
                + "\nOAUTH_ACCESS_TOKEN=" + LoadGen.field(tokens.body(), "access_token") + "\nSESSION_COOKIE="
                + browser.cookies.get("cognito") + "\n";
        Files.writeString(stateFile, lines, java.nio.file.StandardOpenOption.APPEND);
        System.out.printf("domain %s, web client %s, machine client %s%n", domain, web,
                LoadGen.field(machine, "ClientId"));
    }

    /**
     * {@code count} authorization codes, issued by the authorize endpoint for the session cookie (no form), from
     * {@code threads} threads; one per line in {@code out}.
     */
    static void codes(Map<String, String> state, int count, Path out, int threads) throws Exception {
        String authorize = state.get("OAUTH_BASE") + "/oauth2/authorize?" + state.get("AUTHORIZE_QUERY");
        List<String> codes = Collections.synchronizedList(new ArrayList<>(count));
        AtomicInteger left = new AtomicInteger(count);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(executor.submit(() -> {
                Browser browser = new Browser();
                browser.cookies.put("cognito", state.get("SESSION_COOKIE"));
                while (left.getAndDecrement() > 0) {
                    codes.add(parameter(browser.location(browser.get(authorize)), "code"));
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        executor.shutdown();
        Files.write(out, codes);
    }

    static String parameter(String url, String name) {
        Matcher matcher = Pattern.compile("[?&#]" + name + "=([^&#]+)").matcher(url);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + url);
        }
        return java.net.URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Keeps the cookies it is given by name, follows no redirect. */
    private static final class Browser {
        final Map<String, String> cookies = new java.util.LinkedHashMap<>();
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        HttpResponse<String> post(String url, String form) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                    "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        String location(HttpResponse<String> response) {
            if (response.statusCode() != 302) {
                throw new IllegalStateException("expected a redirect, got " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(300, response.body().length())));
            }
            return response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
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
                    cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
                return response;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
