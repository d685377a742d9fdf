package io.cognate.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.cognate.it.support.Stack;

/**
 * The services' Prometheus metrics as a scraper reads them ({@code /q/metrics} on every instance's management port,
 * stack.env's {@code COGNATE_MANAGEMENT_URLS}), quoted by the checks as evidence beside what they measured themselves.
 * An instance that does not answer (stopped, restarting) is left out.
 */
final class ServiceMetrics {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceMetrics() {
    }

    /**
     * Every series of the metric {@code name} on the instances whose name passes {@code instances} (e.g.
     * {@code user-pool-service@2}), by its labels as exposed ({@code {action="SignUp",outcome="ok"}}), summed over the
     * instances.
     */
    static Map<String, Double> series(String name, Predicate<String> instances) {
        Map<String, Double> series = new TreeMap<>();
        for (String entry : Stack.get().value("COGNATE_MANAGEMENT_URLS").split(",")) {
            String[] instance = entry.split("=", 2);
            if (instances.test(instance[0])) {
                scrape(instance[1]).lines().forEach(line -> {
                    if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                        int value = line.lastIndexOf(' ');
                        series.merge(line.substring(name.length(), value).strip(),
                                Double.parseDouble(line.substring(value + 1)), Double::sum);
                    }
                });
            }
        }
        return series;
    }

    /** What each series of {@code after} gained since {@code before}, the series that did not change left out. */
    static Map<String, Long> increase(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Long> increase = new TreeMap<>();
        after.forEach((labels, value) -> {
            long gained = Math.round(value - before.getOrDefault(labels, 0.0));
            if (gained != 0) {
                increase.put(labels, gained);
            }
        });
        return increase;
    }

    private static String scrape(String managementUrl) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl + "/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
