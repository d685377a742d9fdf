package io.cognate.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of one instance of each replicated service under load. Target: no more failures than requests in
 * flight when it died (at most one per load thread), none starting 3 s after the kill.
 */
class KillCheck {
    private static final int CONCURRENCY = 8;

    @Test
    void killingAnInstanceFailsAtMostWhatWasInFlight() throws Exception {
        Instances.awaitAllUp(Duration.ofSeconds(60));
        List<Instances.Instance> victims = Instances.replicated().stream().filter(i -> !i.server().equals("i1"))
                .collect(java.util.stream.Collectors.toMap(Instances.Instance::backend, i -> i, (a, b) -> a))
                .values().stream().toList();
        if (victims.isEmpty()) {
            throw new IllegalStateException("no service runs two instances: start the stack with --replicas 2 or more");
        }
        List<String> evidence = new ArrayList<>();
        boolean passed = true;
        StringBuilder measured = new StringBuilder();
        for (Instances.Instance victim : victims) {
            List<Load.Sample> samples;
            long killedAt;
            try (Load load = Load.start(CONCURRENCY)) {
                Thread.sleep(10_000);
                killedAt = load.elapsedMillis();
                Instances.kill(victim.name());
                Thread.sleep(15_000);
                samples = load.samples();
            }
            Instances.start(victim.name());
            Instances.awaitAllUp(Duration.ofSeconds(60));
            List<Load.Sample> failed = Load.failures(samples);
            long late = failed.stream().filter(s -> s.atMillis() > killedAt + 3_000).count();
            long after = Load.between(samples, killedAt, Long.MAX_VALUE).size();
            passed &= failed.size() <= CONCURRENCY && late == 0;
            measured.append(String.format(Locale.ROOT, "%s: %d failed (in flight at most %d), %d after 3 s; ",
                    victim.name(), failed.size(), CONCURRENCY, late));
            evidence.add(String.format(Locale.ROOT, "killed %s at %.1f s; %d requests after it, %d failed",
                    victim.name(), killedAt / 1000.0, after, failed.size()));
            failed.stream().limit(10).forEach(s -> evidence.add(String.format(Locale.ROOT,
                    "  failed, started at %.3f s: %s %s", s.atMillis() / 1000.0, s.action(), s.failure())));
        }
        Report.record("kill -9 of one instance", "failures <= requests in flight, none starting 3 s after the kill",
                measured.toString().strip(), passed, evidence);
    }
}
