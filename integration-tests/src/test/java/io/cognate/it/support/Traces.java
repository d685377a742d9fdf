package io.cognate.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The spans the services exported to the stack's trace sink (deploy/traces.sh), by trace, and fresh W3C
 * {@code traceparent} values for requests that start a trace of their own.
 */
public final class Traces {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Traces() {
    }

    /** A new trace: its id (32 hex digits) and a sampled {@code traceparent} whose parent span is the caller's. */
    public record Trace(String traceId, String parentSpanId) {
        public static Trace start() {
            return new Trace(hex(16), hex(8));
        }

        public String traceparent() {
            return "00-" + traceId + "-" + parentSpanId + "-01";
        }
    }

    /** The trace's spans once {@code until} holds for them (the services export every few seconds), or fails. */
    public static List<JsonNode> await(String traceId, Predicate<List<JsonNode>> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> spans = List.of();
        while (System.nanoTime() < deadline) {
            spans = spans(traceId);
            if (until.test(spans)) {
                return spans;
            }
            sleep();
        }
        throw new AssertionError("trace " + traceId + " incomplete after " + timeout + ": " + spans);
    }

    public static List<JsonNode> spans(String traceId) {
        URI uri = URI.create(Stack.get().value("COGNATE_TRACES_API") + "/api/spans?traceId=" + traceId);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<JsonNode> spans = new ArrayList<>();
            JSON.readTree(response.body()).forEach(spans::add);
            return spans;
        } catch (IOException e) {
            throw new IllegalStateException("the trace sink did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String hex(int bytes) {
        byte[] id = new byte[bytes];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
