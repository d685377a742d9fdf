package io.cognate.identitypool.messaging;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.events.CloudEvents;
import io.cognate.identitypool.config.CognateConfig;
import io.cognate.identitypool.repository.OutboxEventEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Writes identity events to the outbox in the caller's transaction, keyed by pool and identity so that one identity's
 * events stay in order; the relay (libs/outbox) publishes them. Kafka being down delays them, never loses them. No
 * event carries a token or a secret: CredentialsIssued names the access key id, never the secret or session token.
 */
@ApplicationScoped
public class IdentityEvents {
    private final String topic;
    private final Clock clock;

    public IdentityEvents(CognateConfig config, Clock clock) {
        this.topic = config.eventsTopic();
        this.clock = clock;
    }

    /** Adds the event to the current transaction. */
    public Uni<Void> record(IdentityEventType type, String poolId, String identityId, Map<String, String> details) {
        Instant now = clock.instant();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("type", type.name());
        data.put("identityPoolId", poolId);
        data.put("identityId", identityId);
        data.put("occurredAt", DateTimeFormatter.ISO_INSTANT.format(now));
        data.putAll(details);
        OutboxEventEntity event = new OutboxEventEntity();
        event.topic = topic;
        event.eventKey = poolId + "/" + identityId;
        event.payload = CloudEvents.from("/identitypools/" + poolId, "io.cognate.identitypool." + type.name(),
                identityId, now, data);
        event.createdAt = now;
        return Panache.getSession().chain(session -> session.persist(event));
    }
}
