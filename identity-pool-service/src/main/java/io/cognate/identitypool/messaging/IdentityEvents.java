package io.cognate.identitypool.messaging;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.events.CloudEvents;
import io.cognate.database.rows.Sessions;
import io.cognate.identitypool.config.CognateConfig;
import io.cognate.identitypool.repository.OutboxEventEntity;
import io.cognate.outbox.KafkaTraceContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes identity events to the outbox in the caller's transaction, keyed by pool and identity so that one identity's
 * events stay in order; the relay (libs/outbox) publishes them. Kafka being down delays them, never loses them. No
 * event carries a token or a secret: CredentialsIssued names the access key id, never the secret or session token.
 */
@ApplicationScoped
public class IdentityEvents {
    private final String topic;
    private final Pool pool;
    private final Clock clock;

    public IdentityEvents(CognateConfig config, Pool pool, Clock clock) {
        this.pool = pool;
        this.topic = config.eventsTopic();
        this.clock = clock;
    }

    /** Adds the event to the current transaction. */
    public Uni<Void> record(IdentityEventType type, String poolId, String identityId, Map<String, String> details) {
        OutboxEventEntity event = event(type, poolId, identityId, details);
        return Sessions.current().insert(event).replaceWithVoid();
    }

    /**
     * Writes an event that goes with no other change (CredentialsIssued) as one statement of its own: atomic by
     * itself, and without a database session and transaction around it, which cost several times the insert on the
     * hottest path.
     */
    public Uni<Void> recordAlone(IdentityEventType type, String poolId, String identityId, Map<String, String> details) {
        OutboxEventEntity event = event(type, poolId, identityId, details);
        return pool.withConnection(c -> c.preparedQuery("insert into outbox_event (topic, event_key, payload, "
                + "created_at, trace_parent) values ($1, $2, $3, $4, $5)").execute(Tuple.of(event.topic,
                        event.eventKey, event.payload, event.createdAt.atOffset(ZoneOffset.UTC), event.traceParent)))
                .replaceWithVoid();
    }

    private OutboxEventEntity event(IdentityEventType type, String poolId, String identityId,
            Map<String, String> details) {
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
        event.traceParent = KafkaTraceContext.traceparent();
        return event;
    }
}
