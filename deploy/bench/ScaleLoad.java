import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The scale benchmark's Java half (deploy/bench/scale.sh runs it; wrk does the sign-ins): one pool grown to a
 * million users through the API, and ListUsers searches timed at each size. Compiled by scale.sh with LoadGen.
 *
 * <pre>
 * java -cp deploy/bench/target/classes ScaleLoad setup ENDPOINT STATE_FILE
 * java -cp deploy/bench/target/classes ScaleLoad seed STATE_FILE USERS CONCURRENCY
 * java -cp deploy/bench/target/classes ScaleLoad list STATE_FILE USERS FILTER WARMUP_S DURATION_S CONCURRENCY
 * </pre>
 *
 * setup creates the pool (no verified attributes, so sign-ups send no message; quotas lifted as LoadGen's) and a
 * client allowing USER_PASSWORD_AUTH. seed signs users up (SignUp, then AdminConfirmSignUp) until the pool holds
 * USERS, recording in the state file how many are done, so a run cut off resumes where it stopped. User {@code i} is
 * {@code scale-i} (seven digits) with the password LoadGen's users have, the email {@code scale-i@example.com}, and
 * a given and a family name drawn from {@link #GIVEN} and {@link #FAMILY} by {@code i}. list runs ListUsers with
 * FILTER {@code email} (an exact email of one of the first USERS users, drawn at random: one match) or
 * {@code family_name} (one of the family names: the first page of 60 matches) from CONCURRENCY threads, and prints
 * one RESULT line.
 */
public class ScaleLoad {
    static final String USER_PREFIX = "scale-";
    static final List<String> GIVEN = List.of("Ada", "Alan", "Barbara", "Claude", "Donald", "Edsger", "Frances",
            "Grace", "John", "Ken", "Leslie", "Margaret", "Niklaus", "Radia", "Shafi", "Tony");
    static final List<String> FAMILY = List.of("Lovelace", "Turing", "Liskov", "Shannon", "Knuth", "Dijkstra", "Allen",
            "Hopper", "Backus", "Thompson", "Lamport", "Hamilton", "Wirth", "Perlman", "Goldwasser", "Hoare", "Ritchie",
            "Kernighan", "McCarthy", "Minsky");

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "setup" -> setup(args[1], Path.of(args[2]));
            case "seed" -> seed(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "list" -> list(Path.of(args[1]), Integer.parseInt(args[2]), args[3], Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            default -> {
                System.err.println("usage: ScaleLoad setup ENDPOINT STATE_FILE | seed STATE_FILE USERS CONCURRENCY | "
                        + "list STATE_FILE USERS email|family_name WARMUP_S DURATION_S CONCURRENCY");
                System.exit(2);
            }
        }
    }

    static void setup(String endpoint, Path stateFile) throws Exception {
        LoadGen.requireLoopback(endpoint);
        LoadGen.Api api = new LoadGen.Api(endpoint);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        String poolId = LoadGen.field(api.admin("CreateUserPool", "{\"PoolName\":\"scale-" + stamp + "\","
                + LoadGen.poolSettings() + "}"), "Id");
        String clientId = LoadGen.field(api.admin("CreateUserPoolClient", "{\"UserPoolId\":\"" + poolId
                + "\",\"ClientName\":\"scale\",\"ExplicitAuthFlows\":[\"ALLOW_USER_PASSWORD_AUTH\","
                + "\"ALLOW_REFRESH_TOKEN_AUTH\"]}"), "ClientId");
        Files.writeString(stateFile, "POOL_ID=" + poolId + "\nCLIENT_ID=" + clientId + "\nENDPOINT=" + endpoint
                + "\nUSER_PREFIX=" + USER_PREFIX + "\nPASSWORD=" + LoadGen.PASSWORD + "\nSEEDED=0\n");
        System.out.printf("pool %s, client %s%n", poolId, clientId);
    }

    static String username(long i) {
        return USER_PREFIX + String.format("%07d", i);
    }

    /** Signs users up until the pool holds {@code users}, in blocks of 10,000, the state file updated after each. */
    static void seed(Path stateFile, int users, int concurrency) throws Exception {
        Map<String, String> state = LoadGen.State.values(stateFile);
        LoadGen.requireLoopback(state.get("ENDPOINT"));
        LoadGen.Api api = new LoadGen.Api(state.get("ENDPOINT"));
        int seeded = Integer.parseInt(state.getOrDefault("SEEDED", "0"));
        ExecutorService executor = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        int from = seeded;
        while (seeded < users) {
            int blockEnd = Math.min(users, seeded + 10_000);
            List<Future<?>> block = new ArrayList<>();
            for (int i = seeded; i < blockEnd; i++) {
                long user = i;
                block.add(executor.submit(() -> signUp(api, state, user)));
            }
            for (Future<?> future : block) {
                future.get();
            }
            seeded = blockEnd;
            Files.writeString(stateFile, Files.readString(stateFile).replaceAll("(?m)^SEEDED=.*$", "SEEDED=" + seeded));
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "seeded %d users (%.0f a second since %d)%n", seeded,
                    (seeded - from) / seconds, from);
        }
        executor.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "RESULT seeded=%d from=%d seconds=%.1f per_second=%.1f%n", seeded, from, seconds,
                seconds > 0 ? (seeded - from) / seconds : 0);
    }

    /** One user signed up and confirmed; done already (a resumed block) counts as done. */
    static Void signUp(LoadGen.Api api, Map<String, String> state, long i) {
        String username = username(i);
        try {
            api.call("SignUp", "{\"ClientId\":\"" + state.get("CLIENT_ID") + "\",\"Username\":\"" + username
                    + "\",\"Password\":\"" + LoadGen.PASSWORD + "\",\"UserAttributes\":[{\"Name\":\"email\",\"Value\":\""
                    + username + "@example.com\"},{\"Name\":\"given_name\",\"Value\":\"" + GIVEN.get((int) (i % GIVEN.size()))
                    + "\"},{\"Name\":\"family_name\",\"Value\":\"" + FAMILY.get((int) (i / GIVEN.size() % FAMILY.size()))
                    + "\"}]}");
        } catch (IllegalStateException e) {
            if (!e.getMessage().contains("UsernameExistsException")) {
                throw e;
            }
        }
        try {
            api.admin("AdminConfirmSignUp", "{\"UserPoolId\":\"" + state.get("POOL_ID") + "\",\"Username\":\""
                    + username + "\"}");
        } catch (IllegalStateException e) {
            if (!e.getMessage().contains("Current status is CONFIRMED")) {
                throw e;
            }
        }
        return null;
    }

    /** ListUsers with one filter from {@code concurrency} threads, closed loop; prints one RESULT line. */
    static void list(Path stateFile, int users, String filter, int warmupSeconds, int durationSeconds,
            int concurrency) throws Exception {
        Map<String, String> state = LoadGen.State.values(stateFile);
        LoadGen.requireLoopback(state.get("ENDPOINT"));
        LoadGen.Api api = new LoadGen.Api(state.get("ENDPOINT"));
        String expected = "email".equals(filter) ? "\"Username\":\"" + username(0) + "\"" : "\"Username\"";
        if (!listUsers(api, state, filter, 0).contains(expected)) { // fail fast before any timing
            throw new IllegalStateException("ListUsers " + filter + " found nothing for user 0");
        }
        long measureFrom = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long measureUntil = measureFrom + durationSeconds * 1_000_000_000L;
        LoadGen.ClosedLoop loop = LoadGen.ClosedLoop.start(concurrency, measureFrom, measureUntil,
                n -> listUsers(api, state, filter, ThreadLocalRandom.current().nextInt(users)).contains("\"Username\""));
        long[] all = loop.await();
        int total = all.length;
        System.out.printf(Locale.ROOT, "RESULT scenario=list-%s requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d%n",
                filter, total, total / (double) durationSeconds, LoadGen.percentile(all, 0.50) / 1e6,
                LoadGen.percentile(all, 0.99) / 1e6, loop.errors());
    }

    /** ListUsers with {@code filter} for user {@code i}'s value of it. */
    static String listUsers(LoadGen.Api api, Map<String, String> state, String filter, long i) {
        String value = "email".equals(filter) ? username(i) + "@example.com"
                : FAMILY.get((int) (i / GIVEN.size() % FAMILY.size()));
        return api.admin("ListUsers", "{\"UserPoolId\":\"" + state.get("POOL_ID") + "\",\"Filter\":\"" + filter
                + " = \\\"" + value + "\\\"\"}");
    }
}
