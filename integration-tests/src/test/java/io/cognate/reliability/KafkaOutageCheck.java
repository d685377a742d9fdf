package io.cognate.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Stack;
import io.cognate.it.support.UserEvents;

/**
 * Kafka stopped, then Kafka frozen (SIGSTOP: its sockets stay open and silent), each for 60 s (30 s in the quick
 * battery), under the sign-in / GetUser / refresh load. Target: 0 failed sign-ins; every committed sign-in's and
 * refresh's event in the topic afterwards, counted by event id; p99 within 1.5x the baseline's, so no request waited
 * on Kafka.
 */
class KafkaOutageCheck {
    private static final int CONCURRENCY = 8;

    @Test
    void kafkaDownOrFrozenLosesNoEventAndFailsNoSignIn() throws Exception {
        Instances.awaitAllUp(Duration.ofSeconds(60));
        long outage = Report.full() ? 60_000 : 30_000;
        List<String> timeline = new ArrayList<>();
        List<Load.Sample> samples;
        long baselineEnd;
        long outagesEnd;
        String poolId;
        OutboxGauges outbox = new OutboxGauges();
        try (Load load = Load.start(CONCURRENCY)) {
            poolId = load.poolId;
            outbox.start();
            Thread.sleep(20_000);
            baselineEnd = load.elapsedMillis();
            Stack.get().deployScript("kafka.sh", "stop");
            timeline.add(at(load) + "Kafka stopped");
            Thread.sleep(outage);
            Stack.get().deployScript("kafka.sh", "start");
            timeline.add(at(load) + "Kafka started again");
            Thread.sleep(10_000);
            ProcessHandle kafka = kafka();
            signal(kafka, "STOP");
            timeline.add(at(load) + "Kafka frozen (SIGSTOP, pid " + kafka.pid() + ")");
            Thread.sleep(outage);
            signal(kafka, "CONT");
            timeline.add(at(load) + "Kafka thawed (SIGCONT)");
            Thread.sleep(10_000);
            outagesEnd = load.elapsedMillis();
            samples = load.samples();
        } finally {
            outbox.interrupt();
            restoreKafka();
        }
        long expected = Load.succeeded(samples, Load.SIGN_IN) + Load.succeeded(samples, Load.REFRESH);
        long started = System.nanoTime();
        List<UserEvents.Event> events = UserEvents.awaitPool(poolId, seen -> ids(seen).size() >= expected,
                Duration.ofSeconds(180));
        Set<String> ids = ids(events);
        long drained = (System.nanoTime() - started) / 1_000_000;
        long lost = Math.max(0, expected - ids.size());
        long failedSignIns = Load.failures(samples).stream().filter(s -> s.action().equals(Load.SIGN_IN)).count();
        double baselineP99 = Load.quantileMillis(Load.between(samples, 5_000, baselineEnd), 0.99);
        double outageP99 = Load.quantileMillis(Load.between(samples, baselineEnd, outagesEnd), 0.99);
        List<String> evidence = new ArrayList<>(timeline);
        evidence.add(String.format(Locale.ROOT, "baseline p99 %.1f ms; during the outages p99 %.1f ms, max %.1f ms",
                baselineP99, outageP99, Load.quantileMillis(Load.between(samples, baselineEnd, outagesEnd), 1.0)));
        evidence.add(expected + " sign-ins and refreshes answered; " + ids.size() + " distinct SignIn/TokenRefreshed "
                + "event ids in " + UserEvents.TOPIC + " (" + events.size() + " records, duplicates are at-least-once "
                + "redeliveries), all there " + drained + " ms after the load stopped");
        Map<String, Double> after = ServiceMetrics.series("cognate_outbox_backlog", OutboxGauges::userPool);
        evidence.add(String.format(Locale.ROOT, "metrics (user-pool-service, sampled every second): "
                + "cognate_outbox_backlog peaked at %.0f events and cognate_outbox_lag_seconds at %.1f s during the "
                + "run; cognate_outbox_backlog %s when the load's events were all in the topic", outbox.backlog, outbox.lag,
                after.values()));
        Load.failures(samples).stream().limit(20).forEach(s -> evidence.add(String.format(Locale.ROOT,
                "failed at %.3f s: %s %s", s.atMillis() / 1000.0, s.action(), s.failure())));
        Report.record("Kafka stopped and frozen", "0 failed sign-ins, 0 events lost, p99 <= 1.5x baseline",
                String.format(Locale.ROOT, "%d failed sign-ins of %d requests, %d events lost of %d, p99 %.1f ms vs "
                        + "%.1f ms (%.2fx), outages of %d s each", failedSignIns, samples.size(), lost, expected,
                        outageP99, baselineP99, outageP99 / baselineP99, outage / 1000),
                failedSignIns == 0 && lost == 0 && outageP99 <= 1.5 * baselineP99, evidence);
    }

    /** The outbox's gauges on user-pool-service, their highest values while it runs. */
    private static final class OutboxGauges extends Thread {
        private volatile double backlog;
        private volatile double lag;

        OutboxGauges() {
            super("outbox-gauges");
            setDaemon(true);
        }

        /** The first instance: each replica measures the same table, so one instance's gauge is the whole backlog. */
        static boolean userPool(String instance) {
            return instance.equals("user-pool-service");
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                ServiceMetrics.series("cognate_outbox_backlog", OutboxGauges::userPool).values()
                        .forEach(value -> backlog = Math.max(backlog, value));
                ServiceMetrics.series("cognate_outbox_lag_seconds", OutboxGauges::userPool).values()
                        .forEach(value -> lag = Math.max(lag, value));
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Whatever happened above, Kafka thawed and running again: the checks after this one need it. */
    private static void restoreKafka() throws Exception {
        try {
            signal(kafka(), "CONT");
        } catch (Exception notRunning) {
            // stopped, not frozen: started below
        }
        Stack.get().deployScript("kafka.sh", "start");
    }

    private static Set<String> ids(List<UserEvents.Event> events) {
        return events.stream().filter(e -> Set.of("SignIn", "TokenRefreshed").contains(e.shortType()))
                .map(e -> e.cloudEvent().path("id").asText()).collect(Collectors.toSet());
    }

    private static String at(Load load) {
        return String.format(Locale.ROOT, "%7.1f s  ", load.elapsedMillis() / 1000.0);
    }

    private static ProcessHandle kafka() throws java.io.IOException {
        long pid = Long.parseLong(Files.readAllLines(Path.of(System.getProperty("cognate.state"), "pids",
                "kafka.pid")).get(0).strip());
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("Kafka is not running"));
    }

    private static void signal(ProcessHandle process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }
}
