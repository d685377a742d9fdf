package io.cognate.identitypool.messaging;

import java.time.Duration;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;

import io.cognate.outbox.Producers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.vertx.mutiny.sqlclient.Pool;

/** Relays identity-pool-service's outbox to Kafka every poll interval ({@link io.cognate.outbox.OutboxRelay}). */
@ApplicationScoped
public class OutboxRelay {
    private final KafkaProducer<String, String> producer;
    private final io.cognate.outbox.OutboxRelay relay;

    public OutboxRelay(Pool pool, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            MeterRegistry meters) {
        this.producer = Producers.create(kafkaConfig);
        this.relay = new io.cognate.outbox.OutboxRelay(pool, producer, meters);
    }

    @Scheduled(every = "${cognate.outbox.poll-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relay();
    }

    /** Published events are kept a day (a consumer's replay from the table), then deleted. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        relay.prune(Duration.ofDays(1));
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
