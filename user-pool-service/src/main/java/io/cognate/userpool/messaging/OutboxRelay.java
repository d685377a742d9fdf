package io.cognate.userpool.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;

/** Relays user-pool-service's outbox to Kafka every poll interval ({@link io.cognate.outbox.OutboxRelay}). */
@ApplicationScoped
public class OutboxRelay {
    private final io.cognate.outbox.OutboxRelay relay;

    public OutboxRelay(Pool pool, KafkaProducers producers, MeterRegistry meters) {
        this.relay = new io.cognate.outbox.OutboxRelay(pool, producers.producer(), meters);
    }

    @Scheduled(every = "${cognate.outbox.poll-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relay();
    }
}
