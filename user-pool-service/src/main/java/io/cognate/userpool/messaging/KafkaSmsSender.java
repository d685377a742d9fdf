package io.cognate.userpool.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.cognate.contracts.events.CloudEvents;
import io.cognate.userpool.config.CognateConfig;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/**
 * The default {@link SmsSender}: each text message is published to a Kafka topic (default
 * {@code cognate.userpool.sms}) as a CloudEvent {@code io.cognate.userpool.SmsMessage} keyed by phone number, for an
 * SMS gateway to consume. A send succeeds only once the broker acknowledged it; otherwise the caller gets
 * a DeliveryFailedException (CodeDeliveryFailureException), so nothing is dropped silently. The message is never logged.
 */
@ApplicationScoped
@DefaultBean
public class KafkaSmsSender implements SmsSender {
    private final KafkaProducers producers;
    private final String topic;

    public KafkaSmsSender(KafkaProducers producers, CognateConfig config) {
        this.producers = producers;
        this.topic = config.smsTopic();
    }

    @Override
    public Uni<Void> send(String userPoolId, String phoneNumber, String message, String purpose) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("userPoolId", userPoolId);
        data.put("phoneNumber", phoneNumber);
        data.put("message", message);
        data.put("purpose", purpose);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, phoneNumber,
                CloudEvents.event("io.cognate.userpool.SmsMessage", userPoolId, null, Instant.now(), data));
        return producers.acknowledged(record, "SMS");
    }
}
