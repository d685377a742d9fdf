import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.cognate.it.support.CognitoSrp;

/**
 * The Java half of Cognate's load benchmark (deploy/bench/run.sh runs it; wrk does the fixed-body scenarios).
 * Compiled by run.sh with OAuthLoad and integration-tests' CognitoSrp (javac, JDK 17):
 *
 * <pre>
 * java -cp deploy/bench/target/classes LoadGen setup ENDPOINT USERS STATE_FILE
 * java -cp deploy/bench/target/classes LoadGen srp STATE_FILE WARMUP_S DURATION_S CONCURRENCY
 * java -cp deploy/bench/target/classes LoadGen codes STATE_FILE COUNT OUT_FILE THREADS
 * java -cp deploy/bench/target/classes LoadGen identity STATE_FILE OUT_DIR
 * </pre>
 *
 * setup creates a pool, a client and USERS users with permanent passwords (admin actions signed with SigV4 from
 * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY), signs one user in and writes KEY=VALUE lines for the wrk scripts; then
 * the OAuth part ({@link OAuthLoad}): a domain, clients, a hosted sign-in; and the identity pool part
 * ({@link IdentityLoad}). codes issues authorization codes; identity writes fresh request bodies for the identity
 * scenarios.
 * srp runs USER_SRP_AUTH sign-ins (InitiateAuth + RespondToAuthChallenge PASSWORD_VERIFIER) from CONCURRENCY
 * threads, each sign-in a user in turn, for WARMUP_S seconds unrecorded and DURATION_S seconds recorded, then prints
 * one RESULT line. Only 127.0.0.1 is ever a target.
 */
public class LoadGen {
    static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    static final String PASSWORD = "bench-Passw0rd";
    static final String USER_PREFIX = "bench-user-";

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "setup" -> setup(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
            case "srp" -> srp(State.read(Path.of(args[1])), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            case "timing" -> timing(State.read(Path.of(args[1])), Integer.parseInt(args[2]));
            case "codes" -> OAuthLoad.codes(State.values(Path.of(args[1])), Integer.parseInt(args[2]),
                    Path.of(args[3]), Integer.parseInt(args[4]));
            case "triggers" -> triggers(Path.of(args[1]), args[2]);
            case "identity" -> IdentityLoad.bodies(State.values(Path.of(args[1])), Path.of(args[2]));
            default -> {
                System.err.println("usage: LoadGen setup ENDPOINT USERS STATE_FILE | srp STATE_FILE WARMUP_S "
                        + "DURATION_S CONCURRENCY | timing STATE_FILE SAMPLES | codes STATE_FILE COUNT OUT THREADS | "
                        + "triggers STATE_FILE FUNCTION|none");
                System.exit(2);
            }
        }
    }

    // --- setup ------------------------------------------------------------------------------------------------

    static void setup(String endpoint, int users, Path stateFile) throws Exception {
        requireLoopback(endpoint);
        Api api = new Api(endpoint);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        String pool = api.admin("CreateUserPool", "{\"PoolName\":\"bench-" + stamp + "\"," + poolSettings() + "}");
        String poolId = field(pool, "Id");
        String client = api.admin("CreateUserPoolClient", "{\"UserPoolId\":\"" + poolId + "\",\"ClientName\":\"bench\","
                + "\"ExplicitAuthFlows\":[\"ALLOW_USER_PASSWORD_AUTH\",\"ALLOW_USER_SRP_AUTH\","
                + "\"ALLOW_REFRESH_TOKEN_AUTH\"]}");
        String clientId = field(client, "ClientId");
        ExecutorService executor = Executors.newFixedThreadPool(4);
        List<Future<?>> created = new ArrayList<>();
        for (int i = 1; i <= users; i++) {
            String username = username(i);
            created.add(executor.submit(() -> {
                api.admin("AdminCreateUser", "{\"UserPoolId\":\"" + poolId + "\",\"Username\":\"" + username
                        + "\",\"MessageAction\":\"SUPPRESS\",\"UserAttributes\":[{\"Name\":\"email\",\"Value\":\""
                        + username + "@example.com\"},{\"Name\":\"email_verified\",\"Value\":\"true\"}]}");
                api.admin("AdminSetUserPassword", "{\"UserPoolId\":\"" + poolId + "\",\"Username\":\"" + username
                        + "\",\"Password\":\"" + PASSWORD + "\",\"Permanent\":true}");
                return null;
            }));
        }
        for (Future<?> future : created) {
            future.get();
        }
        executor.shutdown();
        String signIn = api.call("InitiateAuth", "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"" + clientId
                + "\",\"AuthParameters\":{\"USERNAME\":\"" + username(1) + "\",\"PASSWORD\":\"" + PASSWORD + "\"}}");
        String lines = "POOL_ID=" + poolId + "\nCLIENT_ID=" + clientId + "\nUSERS=" + users + "\nUSER_PREFIX="
                + USER_PREFIX + "\nPASSWORD=" + PASSWORD + "\nENDPOINT=" + endpoint + "\nACCESS_TOKEN="
                + field(signIn, "AccessToken") + "\nREFRESH_TOKEN=" + field(signIn, "RefreshToken") + "\n";
        Files.writeString(stateFile, lines);
        System.out.printf("pool %s, client %s, %d users with permanent passwords%n", poolId, clientId, users);
        OAuthLoad.setup(api, poolId, username(1), PASSWORD, "http://127.0.0.1:" + (URI.create(endpoint).getPort() + 1),
                stateFile);
        IdentityLoad.setup(api, poolId, clientId, "http://127.0.0.1:" + (URI.create(endpoint).getPort() + 2),
                stateFile);
    }

    /**
     * The bench pool's settings: a lax password policy, and Cognate's per-pool request-rate quotas lifted (tags), as
     * the benchmark measures throughput.
     */
    static String poolSettings() {
        StringBuilder unlimited = new StringBuilder();
        for (String category : List.of("UserAuthentication", "UserCreation", "UserAccountRecovery", "UserRead", "UserList",
                "UserUpdate", "UserToken", "UserResourceRead", "UserResourceUpdate", "UserPoolClientUpdate")) {
            unlimited.append(unlimited.length() == 0 ? "" : ",").append("\"cognate:rate-limit:").append(category)
                    .append("\":\"1000000\"");
        }
        return "\"Policies\":{\"PasswordPolicy\":{\"MinimumLength\":8,\"RequireUppercase\":false,"
                + "\"RequireLowercase\":false,\"RequireNumbers\":false,\"RequireSymbols\":false}},\"UserPoolTags\":{"
                + unlimited + "}";
    }

    /**
     * Gives the bench pool the PreAuthentication and PreTokenGeneration V2 triggers, both {@code function} (a
     * function name trigger-gateway maps to a handler), or no trigger ({@code none}).
     */
    static void triggers(Path stateFile, String function) throws Exception {
        Map<String, String> state = State.values(stateFile);
        String arn = "arn:aws:lambda:us-east-1:000000000000:function:" + function;
        String lambda = "none".equals(function) ? "{}"
                : "{\"PreAuthentication\":\"" + arn + "\",\"PreTokenGenerationConfig\":{\"LambdaVersion\":\"V2_0\","
                        + "\"LambdaArn\":\"" + arn + "\"}}";
        new Api(state.get("ENDPOINT")).admin("UpdateUserPool", "{\"UserPoolId\":\"" + state.get("POOL_ID") + "\","
                + poolSettings() + ",\"LambdaConfig\":" + lambda + "}");
    }

    static String username(int i) {
        return USER_PREFIX + String.format("%04d", i);
    }

    // --- USER_SRP_AUTH load -----------------------------------------------------------------------------------

    static void srp(State state, int warmupSeconds, int durationSeconds, int concurrency) throws Exception {
        requireLoopback(state.endpoint);
        Api api = new Api(state.endpoint);
        // The client's a and A = g^a are drawn before the timed run (the server's work does not depend on them),
        // and a is 256 bits rather than amazon-cognito-identity-js's 1024, which halves the generator's share of
        // the S computation. Everything that depends on the server's B is computed per sign-in, as a client does.
        SecureRandom random = new SecureRandom();
        CognitoSrp[] attempts = new CognitoSrp[256];
        for (int i = 0; i < attempts.length; i++) {
            attempts[i] = new CognitoSrp(state.poolId, new BigInteger(256, random).setBit(255));
        }
        signInSrp(api, state, attempts[0], username(1)); // fail fast before any timing

        long start = System.nanoTime();
        long measureFrom = start + warmupSeconds * 1_000_000_000L;
        long measureUntil = measureFrom + durationSeconds * 1_000_000_000L;
        ClosedLoop loop = ClosedLoop.start(concurrency, measureFrom, measureUntil, n -> signInSrp(api, state,
                attempts[(int) (n % attempts.length)], username((int) (n % state.users) + 1)));
        // Process CPU (all threads) over the recorded window: the generator's own load on its core.
        Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
        long cpuAtMeasureStart = processCpuNanos();
        String snapshotBegin = snapshot();
        Thread.sleep(Math.max(0, (measureUntil - System.nanoTime()) / 1_000_000));
        long cpuUsed = processCpuNanos() - cpuAtMeasureStart;
        String snapshotEnd = snapshot();
        long[] all = loop.await();
        int total = all.length;
        double seconds = durationSeconds;
        if (snapshotBegin != null) {
            System.out.println("SNAPSHOT_BEGIN " + snapshotBegin);
            System.out.println("SNAPSHOT_END " + snapshotEnd);
        }
        System.out.printf(Locale.ROOT,
                "RESULT scenario=srp requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d gen_cpu=%.2f%n", total,
                total / seconds, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6, loop.errors(),
                cpuUsed / (seconds * 1e9));
    }

    /** One USER_SRP_AUTH sign-in, both steps; true when it ended with tokens. */
    static boolean signInSrp(Api api, State state, CognitoSrp attempt, String username) {
        String challenge = api.call("InitiateAuth", "{\"AuthFlow\":\"USER_SRP_AUTH\",\"ClientId\":\"" + state.clientId
                + "\",\"AuthParameters\":{\"USERNAME\":\"" + username + "\",\"SRP_A\":\"" + attempt.srpA() + "\"}}");
        Map<String, String> parameters = Map.of("USER_ID_FOR_SRP", field(challenge, "USER_ID_FOR_SRP"), "SALT",
                field(challenge, "SALT"), "SRP_B", field(challenge, "SRP_B"), "SECRET_BLOCK",
                field(challenge, "SECRET_BLOCK"));
        Map<String, String> responses = attempt.passwordVerifier(parameters, state.password);
        String tokens = api.call("RespondToAuthChallenge", passwordVerifierBody(state, responses));
        return tokens.contains("\"AccessToken\"");
    }

    // --- unknown user vs wrong password: can the answers be told apart by their timing? --------------------------

    /**
     * PreventUserExistenceErrors timing: {@code samples} failed sign-ins of each kind, interleaved in random order,
     * one at a time (latency, not load): a wrong password for a real user, and any password for a name no user has.
     * For USER_PASSWORD_AUTH the one request is timed, for USER_SRP_AUTH the two server calls (the client's SRP
     * computation between them is left out). Prints each distribution and the two-sample Kolmogorov-Smirnov
     * statistic D with its p-value: a small D (large p) means the timings cannot be told apart.
     */
    static void timing(State state, int samples) throws Exception {
        requireLoopback(state.endpoint);
        Api api = new Api(state.endpoint);
        String flows = System.getenv().getOrDefault("BENCH_TIMING_FLOWS", "USER_PASSWORD_AUTH,USER_SRP_AUTH");
        String dump = System.getenv("BENCH_TIMING_DUMP");
        for (String flow : flows.split(",")) {
            timingRun(api, state, flow, samples / 5, new SecureRandom(), new StringBuilder());
            StringBuilder trace = new StringBuilder("kind,ns\n");
            long[][] measured = timingRun(api, state, flow, samples, new SecureRandom(), trace);
            long[] known = measured[0];
            long[] unknown = measured[1];
            if (dump != null) {
                Files.writeString(Path.of(dump + "-" + flow + ".csv"), trace);
            }
            Arrays.sort(known);
            Arrays.sort(unknown);
            double d = ksStatistic(known, unknown);
            System.out.printf(Locale.ROOT, "TIMING flow=%s n=%d known_p50_ms=%.3f unknown_p50_ms=%.3f "
                    + "known_p90_ms=%.3f unknown_p90_ms=%.3f ks_d=%.4f ks_p=%.4f ks_d_critical_5pct=%.4f%n", flow,
                    samples, percentile(known, 0.5) / 1e6, percentile(unknown, 0.5) / 1e6, percentile(known, 0.9) / 1e6,
                    percentile(unknown, 0.9) / 1e6, d, ksPValue(d, known.length, unknown.length),
                    1.358 * Math.sqrt((known.length + unknown.length) / (double) (known.length * unknown.length)));
        }
    }

    /**
     * {samples} latencies (ns) of wrong-password sign-ins and as many of unknown-user ones, in random order; each
     * attempt also as a line of {@code trace}, in the order made. The real users take turns; once each has had four
     * wrong passwords (one short of Cognito's lockout) all are reset together, and the attempt after a reset is as
     * likely to be of either kind, so the reset's after-effects are charged to both alike.
     */
    static long[][] timingRun(Api api, State state, String flow, int samples, SecureRandom random,
            StringBuilder trace) {
        long[] known = new long[samples];
        long[] unknown = new long[samples];
        int[] failures = new int[state.users];
        int k = 0;
        int u = 0;
        int next = 0;
        boolean start = true;
        while (k < samples || u < samples) {
            if (start || failures[next % state.users] == 4) {
                start = false;
                resetAll(api, state);
                Arrays.fill(failures, 0);
                trace.append("untimed,").append(settle(api, state, flow, random)).append('\n');
            }
            boolean realUser = u >= samples || (k < samples && random.nextBoolean());
            if (realUser) {
                int user = next++ % state.users;
                failures[user]++;
                known[k] = failedSignIn(api, state, flow, username(user + 1), random);
                trace.append("wrong-password,").append(known[k++]).append('\n');
            } else {
                unknown[u] = failedSignIn(api, state, flow, "nobody-" + Long.toHexString(random.nextLong()), random);
                trace.append("unknown-user,").append(unknown[u++]).append('\n');
            }
        }
        return new long[][] { known, unknown };
    }

    static void resetAll(Api api, State state) {
        for (int user = 1; user <= state.users; user++) {
            resetFailures(api, state, username(user));
        }
    }

    /**
     * A successful sign-in, which resets the user's count of wrong passwords, so the run stays below Cognito's
     * lockout (from the fifth failure); a user still locked out by an earlier run is waited for.
     */
    static void resetFailures(Api api, State state, String username) {
        for (int attempt = 0;; attempt++) {
            try {
                api.call("InitiateAuth", passwordAuth(state, username, state.password));
                return;
            } catch (IllegalStateException e) {
                if (attempt > 20 || e.getMessage() == null || !e.getMessage().contains("Password attempts exceeded")) {
                    throw e;
                }
                pause(2000);
            }
        }
    }

    /**
     * After a reset, brings the stack back to the state every timed attempt meets: the reset is the benchmark's own
     * doing and always precedes a wrong-password attempt, so whatever it leaves would be charged to that kind alone.
     * First the work a successful sign-in leaves behind (the SignIn event relayed to Kafka, token-service's writes)
     * is let end, then one untimed failed sign-in makes the next attempt follow a busy core, as every other does
     * (after an idle pause the first request costs about a millisecond more).
     */
    static long settle(Api api, State state, String flow, SecureRandom random) {
        pause(100);
        return failedSignIn(api, state, flow, "nobody-" + Long.toHexString(random.nextLong()), random);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** One sign-in with a wrong password; the server time it took, in ns. */
    static long failedSignIn(Api api, State state, String flow, String username, SecureRandom random) {
        String wrong = "Wrong-" + Long.toHexString(random.nextLong());
        if (flow.equals("USER_PASSWORD_AUTH")) {
            long start = System.nanoTime();
            expectRefusal(() -> api.call("InitiateAuth", passwordAuth(state, username, wrong)));
            return System.nanoTime() - start;
        }
        CognitoSrp attempt = new CognitoSrp(state.poolId);
        long start = System.nanoTime();
        String challenge = api.call("InitiateAuth", "{\"AuthFlow\":\"USER_SRP_AUTH\",\"ClientId\":\"" + state.clientId
                + "\",\"AuthParameters\":{\"USERNAME\":\"" + username + "\",\"SRP_A\":\"" + attempt.srpA() + "\"}}");
        long first = System.nanoTime() - start;
        Map<String, String> responses = attempt.passwordVerifier(Map.of("USER_ID_FOR_SRP", field(challenge,
                "USER_ID_FOR_SRP"), "SALT", field(challenge, "SALT"), "SRP_B", field(challenge, "SRP_B"),
                "SECRET_BLOCK", field(challenge, "SECRET_BLOCK")), wrong);
        String request = passwordVerifierBody(state, responses);
        long second = System.nanoTime();
        expectRefusal(() -> api.call("RespondToAuthChallenge", request));
        return first + System.nanoTime() - second;
    }

    static String passwordAuth(State state, String username, String password) {
        return "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"" + state.clientId + "\",\"AuthParameters\":{"
                + "\"USERNAME\":\"" + username + "\",\"PASSWORD\":\"" + password + "\"}}";
    }

    /** The call must fail with NotAuthorizedException (400), the answer both kinds of sign-in must give. */
    static void expectRefusal(Runnable call) {
        try {
            call.run();
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().contains("NotAuthorizedException")
                    && e.getMessage().contains("Incorrect username or password.")) {
                return;
            }
            throw e;
        }
        throw new IllegalStateException("a sign-in with a wrong password succeeded");
    }

    /** Two-sample Kolmogorov-Smirnov statistic: the largest gap between the two empirical distributions. */
    static double ksStatistic(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < a.length && j < b.length) {
            long x = Math.min(a[i], b[j]);
            while (i < a.length && a[i] == x) {
                i++;
            }
            while (j < b.length && b[j] == x) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / a.length - (double) j / b.length));
        }
        return d;
    }

    /** The asymptotic p-value of D for samples of n and m (Kolmogorov's distribution, Stephens' correction). */
    static double ksPValue(double d, int n, int m) {
        double ne = (double) n * m / (n + m);
        double lambda = (Math.sqrt(ne) + 0.12 + 0.11 / Math.sqrt(ne)) * d;
        double sum = 0;
        for (int j = 1; j <= 100; j++) {
            sum += (j % 2 == 1 ? 2 : -2) * Math.exp(-2.0 * j * j * lambda * lambda);
        }
        return Math.max(0, Math.min(1, sum));
    }

    /** RespondToAuthChallenge's body for PASSWORD_VERIFIER; the values (hex, base64, names) need no escaping. */
    static String passwordVerifierBody(State state, Map<String, String> responses) {
        StringBuilder body = new StringBuilder("{\"ChallengeName\":\"PASSWORD_VERIFIER\",\"ClientId\":\"")
                .append(state.clientId).append("\",\"ChallengeResponses\":{");
        String separator = "";
        for (Map.Entry<String, String> response : responses.entrySet()) {
            body.append(separator).append('"').append(response.getKey()).append("\":\"").append(response.getValue())
                    .append('"');
            separator = ",";
        }
        return body.append("}}").toString();
    }

    /**
     * The output of the script named by BENCH_SNAPSHOT (run.sh's CPU counters of the cores and the server
     * processes), taken at the edges of the measured window; null without one.
     */
    static String snapshot() {
        String script = System.getenv("BENCH_SNAPSHOT");
        if (script == null || script.isEmpty()) {
            return null;
        }
        try {
            Process process = new ProcessBuilder("bash", script).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A closed loop: {@code concurrency} threads each make one call after another (the call gets a sequence number and
     * answers whether it succeeded) until {@code measureUntil} (System.nanoTime); calls made wholly within
     * [measureFrom, measureUntil] are recorded, the latency of each success and the count of failures.
     */
    static final class ClosedLoop {
        private final ExecutorService executor;
        private final List<Future<?>> workers = new ArrayList<>();
        private final long[][] latencies;
        private final int[] counts;
        private final AtomicLong errors = new AtomicLong();

        private ClosedLoop(int concurrency) {
            executor = Executors.newFixedThreadPool(concurrency);
            latencies = new long[concurrency][1 << 18];
            counts = new int[concurrency];
        }

        static ClosedLoop start(int concurrency, long measureFrom, long measureUntil,
                java.util.function.LongPredicate call) {
            ClosedLoop loop = new ClosedLoop(concurrency);
            AtomicLong next = new AtomicLong();
            for (int t = 0; t < concurrency; t++) {
                int worker = t;
                loop.workers.add(loop.executor.submit(() -> {
                    while (true) {
                        long n = next.getAndIncrement();
                        long began = System.nanoTime();
                        if (began >= measureUntil) {
                            return null;
                        }
                        boolean ok;
                        try {
                            ok = call.test(n);
                        } catch (RuntimeException e) {
                            ok = false;
                        }
                        long ended = System.nanoTime();
                        if (began >= measureFrom && ended <= measureUntil) {
                            if (!ok) {
                                loop.errors.incrementAndGet();
                            } else if (loop.counts[worker] < loop.latencies[worker].length) {
                                loop.latencies[worker][loop.counts[worker]++] = ended - began;
                            }
                        }
                    }
                }));
            }
            return loop;
        }

        /** Waits for the end; the recorded latencies (ns) of every worker, sorted. */
        long[] await() throws Exception {
            for (Future<?> worker : workers) {
                worker.get();
            }
            executor.shutdown();
            long[] all = new long[Arrays.stream(counts).sum()];
            int at = 0;
            for (int t = 0; t < counts.length; t++) {
                System.arraycopy(latencies[t], 0, all, at, counts[t]);
                at += counts[t];
            }
            Arrays.sort(all);
            return all;
        }

        long errors() {
            return errors.get();
        }
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static void requireLoopback(String endpoint) {
        String host = URI.create(endpoint).getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new IllegalArgumentException("the benchmark only targets 127.0.0.1, not " + host);
        }
    }

    /** A string field of a flat JSON answer; Cognito's values here (ids, hex, base64, JWTs) carry no escapes. */
    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json.substring(0, Math.min(300, json.length())));
        }
        return matcher.group(1);
    }

    /** The state file setup writes: KEY=VALUE lines. */
    record State(String endpoint, String poolId, String clientId, int users, String password) {
        static Map<String, String> values(Path file) throws IOException {
            Map<String, String> values = new java.util.HashMap<>();
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    // A value with '&' is single-quoted, for the shell that sources the file.
                    values.put(line.substring(0, eq), line.substring(eq + 1).replaceAll("^'(.*)'$", "$1"));
                }
            }
            return values;
        }

        static State read(Path file) throws IOException {
            Map<String, String> values = values(file);
            return new State(values.get("ENDPOINT"), values.get("POOL_ID"), values.get("CLIENT_ID"),
                    Integer.parseInt(values.get("USERS")), values.get("PASSWORD"));
        }
    }

    /** The Cognito IdP JSON 1.1 API over HTTP/1.1 keep-alive; admin actions signed with SigV4. */
    static final class Api {
        private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC);
        private final URI uri;
        private final String hostHeader;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        Api(String endpoint) {
            URI given = URI.create(endpoint);
            this.uri = URI.create("http://127.0.0.1:" + given.getPort() + "/");
            this.hostHeader = "127.0.0.1:" + given.getPort(); // what HttpClient sends as Host
        }

        /** A public action; fails unless the answer is 200. */
        String call(String action, String body) {
            return send(request(action).POST(HttpRequest.BodyPublishers.ofString(body)).build(), action);
        }

        /** An admin action, signed with the credentials of AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. */
        String admin(String action, String body) {
            return signed(uri, "cognito-idp", TARGET_PREFIX + action, CONTENT_TYPE, body, action);
        }

        /**
         * A POST of {@code body} to another API of the stack (Cognito Identity, IAM), signed (SigV4) for
         * {@code service} with AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY; {@code target} is the X-Amz-Target, or null
         * for a query-protocol form.
         */
        String signed(URI to, String service, String target, String contentType, String body, String what) {
            String accessKey = System.getenv("AWS_ACCESS_KEY_ID");
            String secret = System.getenv("AWS_SECRET_ACCESS_KEY");
            String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
            String amzDate = AMZ_DATE.format(Instant.now());
            String date = amzDate.substring(0, 8);
            String host = "127.0.0.1:" + to.getPort();
            String signedHeaders = target == null ? "content-type;host;x-amz-date"
                    : "content-type;host;x-amz-date;x-amz-target";
            String canonical = "POST\n" + to.getPath() + "\n\ncontent-type:" + contentType + "\nhost:" + host
                    + "\nx-amz-date:" + amzDate + "\n" + (target == null ? "" : "x-amz-target:" + target + "\n")
                    + "\n" + signedHeaders + "\n" + hex(sha256(body.getBytes(StandardCharsets.UTF_8)));
            String scope = date + "/" + region + "/" + service + "/aws4_request";
            String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                    + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
            byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
            key = hmac(hmac(hmac(key, region), service), "aws4_request");
            String authorization = "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ", SignedHeaders="
                    + signedHeaders + ", Signature=" + hex(hmac(key, toSign));
            HttpRequest.Builder request = HttpRequest.newBuilder(to).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType).header("X-Amz-Date", amzDate)
                    .header("Authorization", authorization);
            if (target != null) {
                request.header("X-Amz-Target", target);
            }
            return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), what);
        }

        /** An unsigned POST to another API of the stack; fails unless the answer is 200. */
        String post(URI to, String target, String contentType, String body, String what) {
            HttpRequest.Builder request = HttpRequest.newBuilder(to).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType);
            if (target != null) {
                request.header("X-Amz-Target", target);
            }
            return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), what);
        }

        private HttpRequest.Builder request(String action) {
            return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Content-Type", CONTENT_TYPE)
                    .header("X-Amz-Target", TARGET_PREFIX + action);
        }

        private String send(HttpRequest request, String action) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(action + " answered " + response.statusCode() + ": "
                            + response.body());
                }
                return response.body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        static byte[] sha256(byte[] data) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(data);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        static byte[] hmac(byte[] key, String data) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        static String hex(byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
    }
}
