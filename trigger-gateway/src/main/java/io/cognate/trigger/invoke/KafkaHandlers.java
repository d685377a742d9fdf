package io.cognate.trigger.invoke;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import io.cognate.outbox.KafkaTraceContext;
import io.cognate.trigger.config.KafkaClients;
import io.cognate.trigger.config.TriggerConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * One attempt of a synchronous trigger whose function is mapped to {@code kafka}, for teams that run handlers as
 * consumers: the event goes to the requests topic, keyed by user pool, with the headers {@code trigger},
 * {@code function-arn}, {@code kafka_correlationId} and {@code kafka_replyTopic} (Spring Kafka's request/reply header
 * names); the handler's consumer answers on the replies topic with the same {@code kafka_correlationId} and, as the
 * body, what the Lambda Invoke API would answer: the event with its response filled in, or an error object
 * ({@code errorMessage}, or the header {@code X-Amz-Function-Error}). Every replica reads every reply (it assigns
 * itself the replies topic's partitions, from their end, outside any group) and takes those it waits for.
 */
@ApplicationScoped
public class KafkaHandlers {
    private static final Logger LOG = Logger.getLogger(KafkaHandlers.class);
    static final String CORRELATION_ID = "kafka_correlationId";
    static final String REPLY_TOPIC = "kafka_replyTopic";

    private final Map<String, CompletableFuture<ConsumerRecord<String, String>>> waiting = new ConcurrentHashMap<>();
    /** Completed once the reply consumer has its position, so that no reply is sent before it can be read. */
    private final CompletableFuture<Void> listening = new CompletableFuture<>();
    private final String requestsTopic;
    private final String repliesTopic;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> replies;
    private Thread thread;

    public KafkaHandlers(TriggerConfig config, KafkaClients kafka) {
        this.requestsTopic = config.requestsTopic();
        this.repliesTopic = config.repliesTopic();
        this.producer = kafka.producer(Map.of());
        this.replies = kafka.consumer(Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100"));
    }

    /**
     * Sends the event to the user's consumer and waits an attempt's time for its answer: the invocation's end, or a
     * reason to try again (no answer in time, Kafka unreachable).
     */
    Uni<HandlerAnswers.Attempt> attempt(String userPoolId, String trigger, String functionArn, String eventJson) {
        String correlationId = UUID.randomUUID().toString();
        CompletableFuture<ConsumerRecord<String, String>> answer = new CompletableFuture<>();
        waiting.put(correlationId, answer);
        ProducerRecord<String, String> request = new ProducerRecord<>(requestsTopic, userPoolId, eventJson);
        request.headers().add("trigger", bytes(trigger)).add("function-arn", bytes(functionArn))
                .add(CORRELATION_ID, bytes(correlationId)).add(REPLY_TOPIC, bytes(repliesTopic));
        KafkaTraceContext.inject(request.headers());
        // send() may wait for the broker's metadata: off the caller's event loop.
        return Uni.createFrom()
                .completionStage(() -> listening.thenComposeAsync(ready -> KafkaClients.send(producer, request),
                        Infrastructure.getDefaultWorkerPool()).thenCompose(sent -> answer))
                .ifNoItem().after(LambdaInvoker.ATTEMPT_TIMEOUT).fail()
                .map(reply -> HandlerAnswers.of(trigger, 200, reply.headers().lastHeader(HandlerAnswers.FUNCTION_ERROR) != null,
                        reply.value() == null ? "" : reply.value(), false))
                .onFailure().recoverWithItem(failure -> new HandlerAnswers.Retry(LambdaInvoker.lambdaError(failure)))
                .onTermination().invoke(() -> waiting.remove(correlationId));
    }

    void start(@Observes StartupEvent start) {
        thread = new Thread(this::listen, "trigger-replies-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        replies.wakeup();
        if (thread != null) {
            thread.join(2000);
        }
        producer.close(Duration.ofSeconds(2));
    }

    private void listen() {
        try (replies) {
            List<TopicPartition> partitions = partitions();
            replies.assign(partitions);
            replies.seekToEnd(partitions);
            partitions.forEach(replies::position);
            listening.complete(null);
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> reply : replies.poll(Duration.ofSeconds(1))) {
                    Header correlation = reply.headers().lastHeader(CORRELATION_ID);
                    CompletableFuture<ConsumerRecord<String, String>> answer = correlation == null ? null
                            : waiting.get(new String(correlation.value(), StandardCharsets.UTF_8));
                    if (answer != null) {
                        answer.complete(reply);
                    }
                }
            }
        } catch (WakeupException e) {
            // Shutting down.
        } catch (RuntimeException e) {
            LOG.errorf("trigger replies consumer stopped: %s", e.getClass().getSimpleName());
        }
    }

    /** The replies topic's partitions, once the broker knows the topic (created when first asked, or by an operator). */
    private List<TopicPartition> partitions() {
        while (true) {
            try {
                List<PartitionInfo> found = replies.partitionsFor(repliesTopic, Duration.ofSeconds(5));
                if (found != null && !found.isEmpty()) {
                    return found.stream().map(info -> new TopicPartition(repliesTopic, info.partition())).toList();
                }
                LOG.warnf("trigger replies: %s has no partitions yet", repliesTopic);
            } catch (TimeoutException e) {
                LOG.warnf("trigger replies: Kafka unreachable, %s not read yet", repliesTopic);
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                throw new WakeupException();
            }
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
