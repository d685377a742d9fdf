package io.cognate.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cognate.it.support.HostedUi;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

/**
 * Fuzzing token-service's side: requests generated for every endpoint and page on a pool's domain
 * ({@link OAuthFuzzer}), 50,000 in the full battery and 10,000 in the quick one, reproducible from
 * {@code -Dreliability.seed} and the index. Target: no 5xx, every JSON error an RFC 6749/7009/6750 error code, no
 * redirect off token-service's own pages and the client's registered redirect URI, the services ready at the end, no
 * stack trace in any service's log.
 */
class OAuthFuzzCheck {
    /** The error codes of RFC 6749 (§4.1.2.1, §5.2), RFC 7009 (§2.2.1) and RFC 6750 (§3.1). */
    private static final Set<String> OAUTH_ERRORS = Set.of("invalid_request", "invalid_client", "invalid_grant",
            "unauthorized_client", "unsupported_grant_type", "invalid_scope", "unsupported_response_type",
            "access_denied", "unsupported_token_type", "invalid_token", "insufficient_scope", "login_required");

    /** How long a request may take, answer included, before it counts as unanswered. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);

    @Test
    void fuzzedFormsAndPagesGetOAuthErrorsNo5xxAndNoRedirectOffTheList() throws Exception {
        long seed = Long.getLong("reliability.seed", 1L);
        int total = Report.full() ? 50_000 : 10_000;
        HostedUi.App app = HostedUi.app("https://app.example.com/callback", b -> b.generateSecret(true));
        OAuthFuzzer.Known known = known(app);
        FuzzRun run = new FuzzRun();
        URI base = URI.create(Stack.get().issuerBaseUrl());
        HttpClient http = client();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        LongAdder resent = new LongAdder();
        run.run(total, i -> {
            OAuthFuzzer.Request request = new OAuthFuzzer(known, seed * 1_000_003L + i).next(i);
            String fault = send(http, base, app.redirectUri(), request, run, errors, resent);
            return fault == null ? null
                    : "#" + i + " " + request.method() + " " + request.path() + " ("
                            + request.mutation() + "): " + fault;
        });

        List<String> evidence = new ArrayList<>();
        evidence.add(String.format(Locale.ROOT, "seed %d: %d requests over %d endpoints and pages of one domain in "
                + "%.0f s", seed, total, OAuthFuzzer.endpoints(), run.seconds()));
        evidence.add("statuses: " + run.statuses());
        evidence.add("JSON errors: " + new TreeMap<>(errors));
        evidence.add("sent again on a new connection after a kept-alive one failed: " + resent.sum());
        run.record("fuzzing the OAuth endpoints and pages", "0 5xx, every JSON error an OAuth error code, no "
                + "redirect off the registered list, services ready after, no stack trace logged", "other faults",
                total, evidence);
    }

    /** The app's values the requests draw on: a signed-in user's tokens and a sign-in page's CSRF pair. */
    private static OAuthFuzzer.Known known(HostedUi.App app) {
        TestUser user = TestUsers.confirmed(app.pool());
        String code = new HostedUi.Session().code(app.authorizeUrl(Map.of("scope", "openid email")), user.username(),
                user.password());
        JsonNode tokens = HostedUi.json(HostedUi.redeem(app, code, null));
        HostedUi.Session browser = new HostedUi.Session();
        HttpResponse<String> page = browser.get(HostedUi.location(browser.get(app.authorizeUrl(Map.of("scope",
                "openid")))));
        String cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        return new OAuthFuzzer.Known(app.domain(), app.clientId(), app.secret(), app.redirectUri(),
                tokens.path("access_token").asText(), tokens.path("id_token").asText(),
                tokens.path("refresh_token").asText(), user.username(), cookies, HostedUi.csrf(page.body()),
                app.poolId());
    }

    /** An HTTP/1.1 client that follows no redirect (each has its own connections). */
    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * The whole answer, or HttpTimeoutException when it has not come within {@link #ANSWER_WITHIN}: the request's
     * own timeout covers only the wait for the status line, so a body that never ends would hang {@code send}.
     */
    private static HttpResponse<String> answer(HttpClient http, HttpRequest request)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return answer.get(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new HttpTimeoutException("no answer in " + ANSWER_WITHIN.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** What an unanswered request was like, beyond its method, path and mutation. */
    private static String shape(OAuthFuzzer.Request request) {
        return "(" + request.body().length + "-byte body, " + request.query().length() + "-character query, headers "
                + request.headers().keySet() + ")";
    }

    /** Sends one request; answers what was wrong with the answer, or null. */
    private static String send(HttpClient http, URI base, String redirectUri, OAuthFuzzer.Request request,
            FuzzRun run, Map<String, LongAdder> errors, LongAdder resent) throws IOException {
        URI uri = base.resolve(request.path() + (request.query().isEmpty() ? "" : "?" + request.query()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        // A large body waits for 100 Continue, as clients of large bodies do: the server may refuse it by its length
        // (413) before it is sent, with no race between that answer and the upload. Such a request goes on a
        // connection of its own: JDK 17's client keeps the connection after a final answer to Expect: 100-continue
        // and sends the next request on it, which the server, or haproxy before it, takes for the announced body
        // that never came (JDK-8286171), so that request would never be answered.
        boolean large = request.body().length > 65_536;
        builder.expectContinue(large);
        HttpResponse<String> response;
        try {
            try {
                response = answer(large ? client() : http, builder.build());
            } catch (HttpTimeoutException unanswered) {
                run.count("no answer");
                return "no answer in " + ANSWER_WITHIN.toSeconds() + " s " + shape(request);
            } catch (IOException closed) {
                resent.increment();
                // A kept-alive connection the server had closed (after answering a too-large request with 413, say)
                // fails a request that was never read: sent again on a new connection, as browsers do.
                try {
                    response = answer(client(), builder.build());
                } catch (IOException again) {
                    run.count("no answer");
                    return "no answer (" + closed.getMessage() + "), nor on a new connection (" + again.getMessage()
                            + ") " + shape(request);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        int status = response.statusCode();
        run.count(Integer.toString(status));
        if (status >= 500) {
            return "HTTP " + status + " " + FuzzCheck.abbreviate(response.body());
        }
        String location = response.headers().firstValue("Location").orElse(null);
        if (status >= 300 && status < 400 && location != null) {
            URI target = uri.resolve(location.replace(" ", "%20"));
            boolean own = base.getScheme().equals(target.getScheme()) && base.getHost().equals(target.getHost())
                    && base.getPort() == target.getPort();
            String text = target.toString();
            boolean registered = text.equals(redirectUri) || text.startsWith(redirectUri + "?")
                    || text.startsWith(redirectUri + "#");
            if (!own && !registered) {
                return "redirect off the list: " + FuzzCheck.abbreviate(location);
            }
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 400 && type.contains("json")) {
            JsonNode json = Fuzzer.parse(response.body());
            String error = json == null ? "(not JSON)" : json.path("error").asText("(none)");
            errors.computeIfAbsent(error, e -> new LongAdder()).increment();
            if (!OAUTH_ERRORS.contains(error)) {
                return "HTTP " + status + " not an OAuth error: " + FuzzCheck.abbreviate(response.body());
            }
        }
        return null;
    }
}
