package io.cognate.outbox;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The settings of a service's one Kafka producer: idempotent, acknowledged by all in-sync replicas, and quick to
 * give up (2 s for metadata, 10 s to deliver) so that a caller waiting on it learns of an outage in time; and how it
 * reaches the brokers, from the service's {@code kafka.*} configuration ({@link #connection}).
 */
public final class Producers {
    private Producers() {
    }

    public static KafkaProducer<String, String> create(Map<String, ?> kafkaConfig) {
        Properties props = connection(kafkaConfig);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /**
     * Where the brokers are and how to authenticate to them, from Quarkus's {@code default-kafka-broker} map (every
     * {@code kafka.*} property and {@code KAFKA_*} variable): bootstrap.servers, security.protocol, sasl.* and ssl.*
     * (e.g. {@code KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT}, {@code KAFKA_SASL_MECHANISM=SCRAM-SHA-512},
     * {@code KAFKA_SASL_JAAS_CONFIG} from a Strimzi KafkaUser's secret). Nothing else of it applies to every client.
     */
    public static Properties connection(Map<String, ?> kafkaConfig) {
        Properties props = new Properties();
        kafkaConfig.forEach((name, value) -> {
            if (name.equals("bootstrap.servers") || name.equals("security.protocol") || name.startsWith("sasl.")
                    || name.startsWith("ssl.")) {
                props.put(name, String.valueOf(value));
            }
        });
        return props;
    }
}
