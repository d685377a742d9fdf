package io.cognate.trigger.config;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.cognate.outbox.Producers;
import io.smallrye.common.annotation.Identifier;

/**
 * trigger-gateway's Kafka clients, made one way (env KAFKA_BOOTSTRAP_SERVERS and the connection below): string keys and values;
 * producers
 * acknowledged by every in-sync replica that wait at most two seconds for the broker's metadata, so that a broker
 * that is down fails a send rather than holding a thread; consumers that commit only when told to.
 */
@ApplicationScoped
public class KafkaClients {
    private final Properties connection;

    /** How the brokers are reached: {@link Producers#connection} of Quarkus's {@code default-kafka-broker} map. */
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.connection = Producers.connection(kafkaConfig);
    }

    /** A producer; {@code overrides} adds or replaces settings. */
    public KafkaProducer<String, String> producer(Map<String, String> overrides) {
        Properties props = common();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.putAll(overrides);
        return new KafkaProducer<>(props);
    }

    /** A consumer; {@code overrides} adds or replaces settings (a group id, where to start, ...). */
    public KafkaConsumer<String, String> consumer(Map<String, String> overrides) {
        Properties props = common();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.putAll(overrides);
        return new KafkaConsumer<>(props);
    }

    public Admin admin() {
        return Admin.create(common());
    }

    /** Sends a record; completes once the broker acknowledged it, or with why it could not. */
    public static CompletableFuture<Void> send(KafkaProducer<String, String> producer,
            ProducerRecord<String, String> record) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, failure) -> {
                if (failure != null) {
                    sent.completeExceptionally(failure);
                } else {
                    sent.complete(null);
                }
            });
        } catch (RuntimeException e) {
            sent.completeExceptionally(e);
        }
        return sent;
    }

    private Properties common() {
        Properties props = new Properties();
        props.putAll(connection);
        return props;
    }
}
