package io.cognate.trigger.invoke;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import io.cognate.outbox.KafkaTraceContext;
import io.cognate.trigger.config.KafkaClients;
import io.cognate.trigger.config.TriggerConfig;
import io.cognate.trigger.functions.FunctionTargets;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Vertx;

/**
 * Runs the custom sender triggers, which Cognito invokes asynchronously: reads their events from Kafka (written by
 * user-pool-service, headers {@code function-arn} and {@code trigger}) and invokes each handler under the same rules
 * as the synchronous triggers, whose outcome no caller waits for; a function mapped to {@code kafka} is left to the
 * user's own consumer. Offsets are committed once a batch has been handed to its handlers: an event is delivered at
 * least once, as Lambda's asynchronous invocations are. One thread per replica; the replicas share the topic's
 * partitions as one consumer group.
 */
@ApplicationScoped
public class CustomSenderConsumer {
    private static final Logger LOG = Logger.getLogger(CustomSenderConsumer.class);
    /** Longer than an invocation's three attempts of five seconds. */
    private static final Duration INVOCATION_LIMIT = Duration.ofSeconds(20);

    private final LambdaInvoker invoker;
    private final FunctionTargets targets;
    private final Tracer tracer;
    private final Vertx vertx;
    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private Thread thread;

    public CustomSenderConsumer(LambdaInvoker invoker, FunctionTargets targets, TriggerConfig config,
            KafkaClients kafka, Tracer tracer, Vertx vertx) {
        this.invoker = invoker;
        this.targets = targets;
        this.tracer = tracer;
        this.vertx = vertx;
        this.topic = config.customSenderTopic();
        this.consumer = kafka.consumer(Map.of(ConsumerConfig.GROUP_ID_CONFIG, config.consumerGroup(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "20"));
    }

    void start(@Observes StartupEvent start) {
        thread = new Thread(this::run, "custom-sender-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        consumer.wakeup();
        if (thread != null) {
            thread.join(INVOCATION_LIMIT.toMillis());
        }
    }

    private void run() {
        try (consumer) {
            consumer.subscribe(List.of(topic));
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> event : consumer.poll(Duration.ofSeconds(1))) {
                    invoke(event);
                }
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            // Shutting down.
        } catch (RuntimeException e) {
            LOG.errorf("custom sender consumer stopped: %s", e.getClass().getSimpleName());
        }
    }

    private void invoke(ConsumerRecord<String, String> event) {
        String trigger = header(event, "trigger");
        String functionArn = header(event, "function-arn");
        if (trigger == null || functionArn == null || targets.consumedByUser(functionArn)) {
            return;
        }
        // The trace of the request that published the event goes on here (its traceparent header).
        Span span = tracer.spanBuilder(topic + " process").setSpanKind(SpanKind.CONSUMER)
                .setParent(KafkaTraceContext.extract(event.headers())).setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic).setAttribute("messaging.operation.type", "process")
                .startSpan();
        try {
            Invocation invocation = invokeWithin(span, event.key(), trigger, functionArn, event.value()).get(
                    INVOCATION_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            if (invocation instanceof Invocation.Failed failed) {
                LOG.warnf("%s for pool %s failed: %s", trigger, event.key(), failed.kind());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // One event that could not be handed over never stops the others.
            LOG.warnf("%s for pool %s failed: %s", trigger, event.key(), e.getClass().getSimpleName());
        } finally {
            span.end();
        }
    }

    /**
     * Invokes the handler on a Vert.x context of its own that holds the consumer's span: the HTTP client takes the trace
     * context of the request it sends from there (this thread's is not its).
     */
    private CompletableFuture<Invocation> invokeWithin(Span span, String userPoolId, String trigger, String functionArn,
            String eventJson) {
        CompletableFuture<Invocation> done = new CompletableFuture<>();
        VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext()).runOnContext(ignored -> {
            Scope scope = span.makeCurrent();
            invoker.invoke(userPoolId, trigger, functionArn, eventJson, true).subscribe().with(invocation -> {
                scope.close();
                done.complete(invocation);
            }, failure -> {
                scope.close();
                done.completeExceptionally(failure);
            });
        });
        return done;
    }

    private static String header(ConsumerRecord<String, String> event, String name) {
        Header header = event.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
