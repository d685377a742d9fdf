package io.cognate.it.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;

/**
 * Reads the user events topic as any consumer would: a plain Kafka consumer over every partition from the start,
 * keeping the records whose key is {@code <poolId>/<sub>}. Test pools are unique, so the filter isolates one test.
 */
public final class UserEvents {

    public static final String TOPIC = "cognate.userpool.events";

    private static final ObjectMapper JSON = new ObjectMapper();

    private UserEvents() {
    }

    /**
     * A record of the topic: its key, its value (a structured-mode CloudEvent) and its {@code traceparent} header (null
     * when the request that wrote it was not traced).
     */
    public record Event(String key, JsonNode cloudEvent, String traceparent) {

        /** The event type without the {@code io.cognate.userpool.} prefix. */
        public String shortType() {
            String type = cloudEvent.path("type").asText();
            return type.startsWith("io.cognate.userpool.") ? type.substring("io.cognate.userpool.".length()) : type;
        }
    }

    /** Polls until {@code done} holds for the user's events (in topic order) or {@code timeout} passes. */
    public static List<Event> await(String userPoolId, String sub, Predicate<List<Event>> done, Duration timeout) {
        return await(TOPIC, userPoolId, sub, done, timeout);
    }

    static List<Event> await(String topic, String userPoolId, String sub, Predicate<List<Event>> done,
            Duration timeout) {
        return awaitKey(topic, userPoolId + "/" + sub, done, timeout);
    }

    /** Polls the topic until {@code done} holds for the records with this key, or {@code timeout} passes. */
    static List<Event> awaitKey(String topic, String key, Predicate<List<Event>> done, Duration timeout) {
        return poll(topic, key::equals, StringDeserializer.class, value -> parse((String) value),
                UserEvents::event, done, timeout);
    }

    /**
     * The user's events as the CloudEvents SDK reads them (its Kafka deserializer, which recognises a structured-mode
     * event by the record's content-type header), until {@code done} holds or {@code timeout} passes.
     */
    public static List<CloudEvent> awaitCloudEvents(String userPoolId, String sub, Predicate<List<CloudEvent>> done,
            Duration timeout) {
        return awaitTopicCloudEvents(TOPIC, userPoolId + "/" + sub, done, timeout);
    }

    /** The events of a topic with this key, as the CloudEvents SDK reads them, until {@code done} or the timeout. */
    public static List<CloudEvent> awaitTopicCloudEvents(String topic, String key, Predicate<List<CloudEvent>> done,
            Duration timeout) {
        return poll(topic, key::equals, CloudEventDeserializer.class, value -> (CloudEvent) value,
                (record, event) -> event, done, timeout);
    }

    /** Polls until {@code done} holds for the events of every user of the pool (in topic order) or the timeout. */
    public static List<Event> awaitPool(String userPoolId, Predicate<List<Event>> done, Duration timeout) {
        return poll(TOPIC, key -> key != null && key.startsWith(userPoolId + "/"), StringDeserializer.class,
                value -> parse((String) value), UserEvents::event, done,
                timeout);
    }

    private static Event event(ConsumerRecord<String, Object> record, JsonNode cloudEvent) {
        Header traceparent = record.headers().lastHeader("traceparent");
        return new Event(record.key(), cloudEvent,
                traceparent == null ? null : new String(traceparent.value(), StandardCharsets.UTF_8));
    }

    private static <V, T> List<T> poll(String topic, Predicate<String> key, Class<?> valueDeserializer,
            Function<Object, V> value, BiFunction<ConsumerRecord<String, Object>, V, T> item, Predicate<List<T>> done,
            Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.get().kafkaBootstrap());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        long deadline = System.nanoTime() + timeout.toNanos();
        List<T> items = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = partitions(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!done.test(items) && System.nanoTime() < deadline) {
                try {
                    for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
                        if (key.test(record.key())) {
                            items.add(item.apply(record, value.apply(record.value())));
                        }
                    }
                } catch (RecordDeserializationException older) {
                    // A record an earlier release published without the CloudEvents content-type header (a stack
                    // kept from before): the SDK cannot read it, a consumer skips it.
                    consumer.seek(older.topicPartition(), older.offset() + 1);
                }
            }
        }
        return items;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, Object> consumer, String topic,
            long deadline) {
        while (true) {
            List<PartitionInfo> infos;
            try {
                infos = consumer.partitionsFor(topic);
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                infos = List.of();
            }
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("topic " + topic + " does not exist on " + Stack.get().kafkaBootstrap());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new AssertionError("an event on the user events topic is not JSON: " + value, e);
        }
    }
}
