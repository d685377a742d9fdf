package io.cognate.userpool.messaging;

import java.time.Duration;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import io.cognate.database.CallerContext;
import io.cognate.outbox.KafkaTraceContext;
import io.cognate.outbox.Producers;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The replica's one Kafka producer (idempotent, acks from all in-sync replicas), shared by the outbox relay, the SMS
 * sender and the custom senders. Sends block for at most 2 s waiting for metadata, so callers send from worker
 * threads ({@link #acknowledged} does). What a request sends carries the request's trace context.
 */
@ApplicationScoped
public class KafkaProducers {
    private static final Logger LOG = Logger.getLogger(KafkaProducers.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProducer<String, String> producer;

    public KafkaProducers(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.producer = Producers.create(kafkaConfig);
    }

    public KafkaProducer<String, String> producer() {
        return producer;
    }

    /**
     * Publishes a message ({@code what}: SMS, the custom sender's trigger) for a request that waits on it: done once
     * the broker acknowledged it, otherwise (within 10 s) a DeliveryFailedException, logged without the message;
     * resumed on the caller's context.
     */
    public Uni<Void> acknowledged(ProducerRecord<String, String> record, String what) {
        KafkaTraceContext.inject(record.headers());
        Uni<Void> published = Uni.createFrom().<Void> emitter(emitter -> producer.send(record, (metadata, failure) -> {
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
                    LOG.warnf("%s could not be handed to Kafka: %s", what, e.getClass().getSimpleName());
                    return new DeliveryFailedException(what);
                });
        return CallerContext.resumeOnCaller(published);
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
