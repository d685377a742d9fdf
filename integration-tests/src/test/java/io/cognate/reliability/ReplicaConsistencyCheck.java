package io.cognate.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/**
 * What one replica decides, every replica enforces at once: a token revoked by GlobalSignOut on one replica is refused
 * by each on the first try; a pool's request quota is never exceeded by the replicas together.
 */
class ReplicaConsistencyCheck {
    private static final int QUOTA = 5;

    @Test
    void revocationAndQuotasHoldAcrossReplicas() throws Exception {
        List<String> evidence = new ArrayList<>();
        CognitoIdentityProviderClient first = Cognito.anonymous();
        CognitoIdentityProviderClient second = Cognito.secondReplica();

        int revokedAccepted = 0;
        for (int round = 0; round < 10; round++) {
            TestPool pool = TestPools.pool();
            TestUser user = TestUsers.confirmed(pool);
            AuthenticationResultType tokens = SignIn.password(pool, user);
            (round % 2 == 0 ? first : second).globalSignOut(b -> b.accessToken(tokens.accessToken()));
            for (CognitoIdentityProviderClient replica : List.of(first, second)) {
                String outcome = outcome(() -> replica.getUser(b -> b.accessToken(tokens.accessToken())));
                if (outcome.equals("accepted")) {
                    revokedAccepted++;
                }
                evidence.add("round " + round + ": GetUser after GlobalSignOut on replica " + (round % 2 + 1) + ", "
                        + (replica == first ? "first" : "second") + " replica: " + outcome);
            }
        }

        TestPool limited = TestPools.pool(b -> b.userPoolTags(Map.of("cognate:rate-limit:UserRead",
                Integer.toString(QUOTA))));
        TestUser reader = TestUsers.confirmed(limited);
        String accessToken = SignIn.password(limited, reader).accessToken();
        Map<Long, Integer> admittedPerSecond = new ConcurrentHashMap<>();
        long firstSecond = System.currentTimeMillis() / 1000;
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                CognitoIdentityProviderClient replica = i % 2 == 0 ? first : second;
                calls.add(threads.submit(() -> {
                    String outcome = outcome(() -> replica.getUser(b -> b.accessToken(accessToken)));
                    if (outcome.equals("accepted")) {
                        admittedPerSecond.merge(System.currentTimeMillis() / 1000, 1, Integer::sum);
                    }
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            threads.shutdown();
        }
        // The replicas count in wall-clock seconds; a call answered just after a second turned may have been
        // admitted in the one before, so the bound is the quota times every second the burst touched.
        long seconds = System.currentTimeMillis() / 1000 - firstSecond + 1;
        int admitted = admittedPerSecond.values().stream().mapToInt(Integer::intValue).sum();
        evidence.add("GetUser at quota " + QUOTA + "/s, 200 calls over both replicas in " + seconds + " wall-clock "
                + "seconds: " + admitted + " admitted (answered per second: " + new java.util.TreeMap<>(
                        admittedPerSecond)
                + ")");
        Report.record("revocation and quotas across replicas", "a revoked token refused by every replica on the first "
                + "try; never more than the quota admitted in a second",
                revokedAccepted + " revoked tokens accepted "
                        + "of 20 tries; " + admitted + " calls admitted in " + seconds + " s (quota " + QUOTA + "/s)",
                revokedAccepted == 0 && admitted <= QUOTA * seconds, evidence);
    }

    private static String outcome(Runnable call) {
        try {
            call.run();
            return "accepted";
        } catch (CognitoIdentityProviderException e) {
            return e.awsErrorDetails().errorCode();
        }
    }
}
