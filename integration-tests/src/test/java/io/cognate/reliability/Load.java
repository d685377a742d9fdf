package io.cognate.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cognate.it.support.RawApi;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

/**
 * A sign-in / GetUser / refresh load through haproxy's user-pool frontend: each thread signs a user in
 * (USER_PASSWORD_AUTH), reads the user with the access token (GetUser), refreshes (REFRESH_TOKEN_AUTH), and again.
 * Every request is one sample: when it started, how long it took, and what went wrong if anything did.
 */
final class Load implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The samples' labels of a sign-in (InitiateAuth USER_PASSWORD_AUTH) and a refresh (REFRESH_TOKEN_AUTH). */
    static final String SIGN_IN = "InitiateAuth USER_PASSWORD_AUTH";
    static final String REFRESH = "InitiateAuth REFRESH_TOKEN_AUTH";

    /** One request: started {@code atMillis} after the load began; {@code failure} null when it succeeded. */
    record Sample(long atMillis, long micros, String action, String failure) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint = URI.create(Stack.get().value("COGNATE_BALANCED_USER_POOL") + "/");
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final long started = System.nanoTime();
    final String poolId;

    private Load(String poolId) {
        this.poolId = poolId;
    }

    /** Starts {@code concurrency} threads over as many users of a new pool. */
    static Load start(int concurrency) {
        // Past Cognito's default quotas (120 sign-ins and reads a second per pool): the pool's own, by its tags.
        TestPool pool = TestPools.pool(b -> b.userPoolTags(Map.of("cognate:rate-limit:UserAuthentication", "100000",
                "cognate:rate-limit:UserRead", "100000")));
        String clientId = pool.clientId();
        Load load = new Load(pool.id());
        for (int i = 0; i < concurrency; i++) {
            TestUser user = TestUsers.confirmed(pool.id());
            Thread thread = new Thread(() -> load.run(clientId, user), "load-" + i);
            load.threads.add(thread);
        }
        load.threads.forEach(Thread::start);
        return load;
    }

    long elapsedMillis() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** The samples so far, in no particular order. */
    List<Sample> samples() {
        return new ArrayList<>(samples);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }

    private void run(String clientId, TestUser user) {
        while (running.get()) {
            JsonNode signedIn = call(SIGN_IN, "InitiateAuth", "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"" + clientId
                    + "\",\"AuthParameters\":{\"USERNAME\":\"" + user.username() + "\",\"PASSWORD\":\""
                    + user.password() + "\"}}");
            if (signedIn == null) {
                continue;
            }
            JsonNode tokens = signedIn.path("AuthenticationResult");
            call("GetUser", "GetUser", "{\"AccessToken\":\"" + tokens.path("AccessToken").asText() + "\"}");
            call(REFRESH, "InitiateAuth", "{\"AuthFlow\":\"REFRESH_TOKEN_AUTH\",\"ClientId\":\"" + clientId
                    + "\",\"AuthParameters\":{\"REFRESH_TOKEN\":\"" + tokens.path("RefreshToken").asText() + "\"}}");
        }
    }

    /** One request; its sample recorded under {@code label}; the response's JSON when it succeeded, else null. */
    private JsonNode call(String label, String action, String body) {
        long begin = System.nanoTime();
        String failure;
        JsonNode answer = null;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", RawApi.CONTENT_TYPE).header("X-Amz-Target", RawApi.TARGET_PREFIX + action)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                answer = JSON.readTree(response.body());
                failure = null;
            } else {
                failure = "HTTP " + response.statusCode() + " " + response.body().replaceAll("\\s+", " ")
                        .substring(0, Math.min(160, response.body().length()));
            }
        } catch (IOException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        long end = System.nanoTime();
        samples.add(new Sample((begin - started) / 1_000_000, (end - begin) / 1_000, label, failure));
        return answer;
    }

    /** The {@code q} quantile (0.99) of the successful samples' latency, in milliseconds. */
    static double quantileMillis(List<Sample> samples, double q) {
        List<Long> micros = new ArrayList<>(samples.stream().filter(s -> s.failure() == null).map(Sample::micros)
                .toList());
        if (micros.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(micros);
        return micros.get((int) Math.min(micros.size() - 1, Math.ceil(q * micros.size()) - 1)) / 1000.0;
    }

    static List<Sample> between(List<Sample> samples, long fromMillis, long toMillis) {
        return samples.stream().filter(s -> s.atMillis() >= fromMillis && s.atMillis() < toMillis).toList();
    }

    static long succeeded(List<Sample> samples, String label) {
        return samples.stream().filter(s -> s.failure() == null && s.action().equals(label)).count();
    }

    static List<Sample> failures(List<Sample> samples) {
        return samples.stream().filter(s -> s.failure() != null).toList();
    }
}
