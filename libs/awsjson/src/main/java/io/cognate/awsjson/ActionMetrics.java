package io.cognate.awsjson;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;

/**
 * Rate, latency and errors per action of an AWS JSON API: the timer {@code cognate_api_requests_seconds} by
 * {@code action} (an action the service has, else {@code unknown}, so a flood of made-up targets adds no series) and
 * {@code outcome} ({@code ok} or the error type answered: TooManyRequestsException for a refused rate, NotAuthorizedException
 * for a refused sign-in, ...), with a few latency buckets for quantiles; and the action and outcome on the request's trace
 * span.
 */
public final class ActionMetrics {
    private static final Duration[] BUCKETS = { Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500) };

    private static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private final MeterRegistry registry;

    public ActionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One answered request that arrived at {@code arrivedNanos}; {@code errorType} null when it succeeded. */
    public void record(String action, String errorType, long arrivedNanos) {
        // The action on the request's trace span (HTTP "POST /"), as AWS SDKs tag their client spans.
        Span span = Span.current();
        span.setAttribute(RPC_METHOD, action);
        if (errorType != null) {
            span.setAttribute(ERROR_TYPE, errorType);
        }
        Timer.builder("cognate.api.requests").description("Requests of the AWS JSON API by action and outcome")
                .tag("action", action).tag("outcome", errorType == null ? "ok" : errorType)
                .serviceLevelObjectives(BUCKETS).register(registry)
                .record(System.nanoTime() - arrivedNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
