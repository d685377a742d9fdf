package io.cognate.trigger.invoke;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import io.cognate.trigger.config.KafkaClients;
import io.cognate.trigger.config.TriggerConfig;
import io.cognate.trigger.functions.FunctionTargets;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

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
    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private Thread thread;

    public CustomSenderConsumer(LambdaInvoker invoker, FunctionTargets targets, TriggerConfig config,
            KafkaClients kafka) {
        this.invoker = invoker;
        this.targets = targets;
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
        try {
            Invocation invocation = invoker.invoke(event.key(), trigger, functionArn, event.value(), true).await()
                    .atMost(INVOCATION_LIMIT);
            if (invocation instanceof Invocation.Failed failed) {
                LOG.warnf("%s for pool %s failed: %s", trigger, event.key(), failed.kind());
            }
        } catch (RuntimeException e) {
            // One event that could not be handed over never stops the others.
            LOG.warnf("%s for pool %s failed: %s", trigger, event.key(), e.getClass().getSimpleName());
        }
    }

    private static String header(ConsumerRecord<String, String> event, String name) {
        Header header = event.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
