package io.cognate.userpool.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import io.cognate.userpool.config.CognateConfig;
import io.cognate.userpool.repository.CallerContext;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The default {@link SmsSender}: each text message is published to a Kafka topic (default
 * {@code cognate.userpool.sms}) as a CloudEvent {@code io.cognate.userpool.SmsMessage} keyed by phone number, for an
 * SMS gateway to consume. A send succeeds only once the broker acknowledged it; otherwise the caller gets
 * a DeliveryFailedException (CodeDeliveryFailureException), so nothing is dropped silently. The message is never logged.
 */
@ApplicationScoped
@DefaultBean
public class KafkaSmsSender implements SmsSender {
    private static final Logger LOG = Logger.getLogger(KafkaSmsSender.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

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
                CloudEvents.event("SmsMessage", userPoolId, null, Instant.now(), data));
        Uni<Void> published = Uni.createFrom().<Void> emitter(emitter -> producers.producer().send(record,
                (metadata, failure) -> {
                    if (failure == null) {
                        emitter.complete(null);
                    } else {
                        emitter.fail(failure);
                    }
                }))
                // send() may block while it waits for the broker's metadata: never on an event loop.
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem().after(ACK_TIMEOUT).fail()
                .onFailure().transform(e -> {
                    LOG.warnf("SMS could not be handed to Kafka: %s", e.getClass().getSimpleName());
                    return new DeliveryFailedException("SMS");
                });
        return CallerContext.resumeOnCaller(published);
    }
}
