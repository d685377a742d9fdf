package io.cognate.trigger.invoke;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import io.cognate.contracts.events.CloudEvents;
import io.cognate.trigger.config.KafkaClients;
import io.cognate.trigger.config.TriggerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * What happened to each invocation, for operators and consumers: the timer {@code cognate.trigger.invocations} (by
 * trigger and outcome) and a CloudEvent {@code io.cognate.trigger.TriggerInvoked} or {@code TriggerFailed} on Kafka,
 * keyed by user pool. Neither carries the event or the answer (they hold attributes, passwords and codes), nor a
 * handler's own error message: the outcome, the function, the time taken, and Cognito's words for a handler that
 * could not be run or answered nonsense. Publishing never delays or fails an invocation. Reports are sent in batches
 * of up to 100 ms ({@code linger.ms}): every invocation has one, so a record a request would cost the broker and the
 * producer's sender thread a round each (a quarter of trigger-gateway's CPU in the benchmark's trigger scenario).
 */
@ApplicationScoped
public class InvocationReports {
    private static final Logger LOG = Logger.getLogger(InvocationReports.class);

    private final MeterRegistry metrics;
    /** The timer of each trigger and outcome, registered once (registering looks the meter up anew each time). */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final KafkaProducer<String, String> producer;
    private final String topic;

    public InvocationReports(MeterRegistry metrics, TriggerConfig config, KafkaClients kafka) {
        this.metrics = metrics;
        this.topic = config.invocationsTopic();
        this.producer = kafka.producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, "100", ProducerConfig.BATCH_SIZE_CONFIG,
                "131072"));
    }

    public void record(String userPoolId, String trigger, String functionArn, Invocation invocation,
            Duration took) {
        String outcome = invocation instanceof Invocation.Failed failed ? failed.kind().name() : "ANSWERED";
        timers.computeIfAbsent(trigger + "/" + outcome, key -> Timer.builder("cognate.trigger.invocations")
                .description("Lambda trigger invocations, by outcome").tag("trigger", trigger).tag("outcome", outcome)
                .register(metrics)).record(took);
        // The event is written, and send() may block while it waits for the broker's metadata, off the invocation's
        // thread. A report that cannot go is dropped, and counted.
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                producer.send(event(userPoolId, trigger, functionArn, invocation, outcome, took),
                        (metadata, failure) -> {
                            if (failure != null) {
                                dropped(failure);
                            }
                        });
            } catch (RuntimeException e) {
                dropped(e);
            }
        });
    }

    private ProducerRecord<String, String> event(String userPoolId, String trigger, String functionArn,
            Invocation invocation, String outcome, Duration took) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("trigger", trigger);
        data.put("functionArn", functionArn);
        data.put("outcome", outcome);
        data.put("durationMs", took.toMillis());
        if (invocation instanceof Invocation.Failed failed && failed.kind() != Invocation.FailureKind.HANDLER_ERROR) {
            data.put("message", failed.message());
        }
        String type = invocation instanceof Invocation.Failed ? "io.cognate.trigger.TriggerFailed"
                : "io.cognate.trigger.TriggerInvoked";
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, userPoolId,
                CloudEvents.event(type, userPoolId, null, Instant.now(), data));
        record.headers().add("content-type", CloudEvents.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private void dropped(Exception failure) {
        metrics.counter("cognate.trigger.reports.dropped").increment();
        LOG.debugf("invocation report dropped: %s", failure.getClass().getSimpleName());
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
