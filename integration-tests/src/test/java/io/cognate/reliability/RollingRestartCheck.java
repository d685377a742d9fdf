package io.cognate.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * Every instance of every replicated service restarted in turn (graceful stop, start, back in haproxy's rotation)
 * under a sign-in / GetUser / refresh load, for at least 120 s. Target: 0 failed requests, p99 within 3x the steady
 * state's.
 */
class RollingRestartCheck {
    private static final int CONCURRENCY = 8;
    private static final long RESTART_WINDOW_MILLIS = 120_000;

    @Test
    void restartingEveryInstanceUnderLoadFailsNoRequest() throws Exception {
        Instances.awaitAllUp(Duration.ofSeconds(60));
        List<Instances.Instance> instances = Instances.replicated();
        if (instances.isEmpty()) {
            throw new IllegalStateException("no service runs two instances: start the stack with --replicas 2 or more");
        }
        List<String> timeline = new ArrayList<>();
        long steadyEnd;
        long restartEnd;
        List<Load.Sample> samples;
        try (Load load = Load.start(CONCURRENCY)) {
            Thread.sleep(Report.full() ? 30_000 : 20_000);
            steadyEnd = load.elapsedMillis();
            int restarted = 0;
            while (restarted < instances.size() || load.elapsedMillis() - steadyEnd < RESTART_WINDOW_MILLIS) {
                String name = instances.get(restarted % instances.size()).name();
                long from = load.elapsedMillis();
                Instances.stop(name);
                long stopped = load.elapsedMillis();
                Instances.start(name);
                Instances.awaitAllUp(Duration.ofSeconds(60));
                timeline.add(String.format(Locale.ROOT, "%7.1f s  %s: stopped in %.1f s, back in rotation at %.1f s",
                        from / 1000.0, name, (stopped - from) / 1000.0, load.elapsedMillis() / 1000.0));
                restarted++;
            }
            Thread.sleep(3_000);
            restartEnd = load.elapsedMillis();
            samples = load.samples();
        }
        List<Load.Sample> steady = Load.between(samples, 5_000, steadyEnd);
        List<Load.Sample> during = Load.between(samples, steadyEnd, restartEnd);
        List<Load.Sample> failed = Load.failures(samples);
        double steadyP99 = Load.quantileMillis(steady, 0.99);
        double duringP99 = Load.quantileMillis(during, 0.99);
        List<String> evidence = new ArrayList<>();
        evidence.add(String.format(Locale.ROOT, "steady state: %d requests, p50 %.1f ms, p99 %.1f ms", steady.size(),
                Load.quantileMillis(steady, 0.5), steadyP99));
        evidence.add(String.format(Locale.ROOT, "during %.0f s of restarts: %d requests, p50 %.1f ms, p99 %.1f ms, "
                + "max %.1f ms", (restartEnd - steadyEnd) / 1000.0, during.size(), Load.quantileMillis(during, 0.5),
                duringP99, Load.quantileMillis(during, 1.0)));
        evidence.addAll(timeline);
        failed.stream().limit(20).forEach(s -> evidence.add(String.format(Locale.ROOT, "failed at %.3f s: %s %s",
                s.atMillis() / 1000.0, s.action(), s.failure())));
        Report.record("rolling restart", "0 failed requests; p99 <= 3x steady state, over >= 120 s of restarts",
                String.format(Locale.ROOT, "%d failed of %d; p99 %.1f ms vs %.1f ms steady (%.2fx); %d restarts in "
                        + "%.0f s", failed.size(), samples.size(), duringP99, steadyP99, duringP99 / steadyP99,
                        timeline.size(), (restartEnd - steadyEnd) / 1000.0),
                failed.isEmpty() && duringP99 <= 3 * steadyP99 && restartEnd - steadyEnd >= RESTART_WINDOW_MILLIS,
                evidence);
    }
}
