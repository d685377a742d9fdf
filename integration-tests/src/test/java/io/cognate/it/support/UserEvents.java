package io.cognate.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the user events topic as any consumer would: a plain Kafka consumer over every partition from the start,
 * keeping the records whose key is {@code <poolId>/<sub>}. Test pools are unique, so the filter isolates one test.
 */
public final class UserEvents {

    public static final String TOPIC = "cognate.userpool.events";

    private static final ObjectMapper JSON = new ObjectMapper();

    private UserEvents() {
    }

    /** A record of the topic: its key and its value, a structured-mode CloudEvent. */
    public record Event(String key, JsonNode cloudEvent) {

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
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.get().kafkaBootstrap());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = partitions(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!done.test(events) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        events.add(new Event(record.key(), parse(record.value())));
                    }
                }
            }
        }
        return events;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic,
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
