package io.cognate.userpool.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.cognate.userpool.config.CognateConfig;
import io.smallrye.mutiny.Uni;

/**
 * Hands a custom sender trigger's event to Kafka, keyed by user pool, with the headers {@code function-arn} and
 * {@code trigger}: Cognito invokes those triggers asynchronously, so the operation goes on once the broker holds the
 * event, and trigger-gateway (or the user's own consumer) invokes the handler. A send that fails is a
 * DeliveryFailedException (CodeDeliveryFailureException); the event, whose code is encrypted, is never logged.
 */
@ApplicationScoped
public class CustomSenderQueue {
    private final KafkaProducers producers;
    private final String topic;

    public CustomSenderQueue(KafkaProducers producers, CognateConfig config) {
        this.producers = producers;
        this.topic = config.customSenderTopic();
    }

    public Uni<Void> publish(String userPoolId, String trigger, String functionArn, String eventJson) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, userPoolId, eventJson);
        record.headers().add("function-arn", functionArn.getBytes(StandardCharsets.UTF_8))
                .add("trigger", trigger.getBytes(StandardCharsets.UTF_8));
        return producers.acknowledged(record, trigger);
    }
}
