package io.cognate.reliability;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One fuzzing run: generated requests sent on 8 threads, their statuses tallied, their faults kept (the first 40 as
 * evidence), then the verdict: no 5xx or unanswered request, no other fault, every service ready after, no stack trace
 * logged meanwhile.
 */
final class FuzzRun {
    /** Sends the {@code index}-th request; answers what was wrong with its answer, naming the request, or null. */
    @FunctionalInterface
    interface Case {
        String send(int index) throws IOException;
    }

    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> faults = new ConcurrentLinkedQueue<>();
    private final AtomicInteger faultCount = new AtomicInteger();
    private final ServiceLogs logs;
    private double seconds;

    FuzzRun() throws IOException {
        this.logs = ServiceLogs.mark();
    }

    void run(int total, Case sendOne) throws InterruptedException {
        long started = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int index = 0; index < total; index++) {
            int i = index;
            threads.submit(() -> {
                String fault;
                try {
                    fault = sendOne.send(i);
                } catch (IOException e) {
                    count("no answer");
                    fault = "#" + i + " no answer: " + e;
                } catch (RuntimeException e) {
                    fault = "#" + i + " could not be sent or read: " + e;
                }
                if (fault != null && faultCount.incrementAndGet() <= 40) {
                    faults.add(fault);
                }
            });
        }
        threads.shutdown();
        threads.awaitTermination(30, TimeUnit.MINUTES);
        seconds = (System.nanoTime() - started) / 1e9;
    }

    /** One answer's status (or "no answer"). */
    void count(String status) {
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    double seconds() {
        return seconds;
    }

    Map<String, Long> statuses() {
        Map<String, Long> sums = new TreeMap<>();
        statuses.forEach((status, n) -> sums.put(status, n.sum()));
        return sums;
    }

    /**
     * Records the verdict as {@code check} in the report, its evidence {@code evidence} (the check's own lines), the
     * stack traces and the faults; {@code otherFaults} names the faults that are not 5xx ("answers not a Cognito
     * error").
     */
    void record(String check, String target, String otherFaults, int total, List<String> evidence)
            throws IOException, InterruptedException {
        boolean ready = true;
        try {
            Instances.awaitAllUp(Duration.ofSeconds(30));
        } catch (IllegalStateException e) {
            ready = false;
        }
        Map<String, Integer> stackTraces = logs.stackTraceLines();
        evidence.add("stack-trace lines logged during the run: " + stackTraces);
        faults.forEach(evidence::add);
        long serverErrors = statuses().entrySet().stream().filter(e -> e.getKey().startsWith("5") || e.getKey()
                .equals("no answer")).mapToLong(Map.Entry::getValue).sum();
        Report.record(check, target, String.format(Locale.ROOT, "%d requests: %d 5xx or no answer, %d %s, services "
                + "%s, %d stack-trace lines logged", total, serverErrors, faultCount.get() - serverErrors, otherFaults,
                ready ? "ready" : "NOT ready", stackTraces.values().stream().mapToInt(Integer::intValue).sum()),
                faultCount.get() == 0 && ready && stackTraces.isEmpty(), evidence);
    }
}
