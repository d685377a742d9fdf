package io.cognate.userpool.messaging;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.events.CloudEvents;
import io.cognate.database.rows.Sessions;
import io.cognate.outbox.KafkaTraceContext;
import io.cognate.userpool.config.CognateConfig;
import io.cognate.userpool.repository.OutboxEventEntity;
import io.cognate.userpool.repository.UserEntity;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Writes user events to the outbox in the caller's transaction, so an event exists exactly when its change
 * committed. {@link OutboxRelay} publishes them; Kafka being down delays events, never loses them. Each event written
 * is counted ({@code cognate_user_events_total} by type, and for SignIn and SignInFailed by {@code flow} and
 * {@code reason}: the sign-in outcomes).
 */
@ApplicationScoped
public class Outbox {
    private final String topic;
    private final MeterRegistry meters;

    public Outbox(CognateConfig config, MeterRegistry meters) {
        this.topic = config.eventsTopic();
        this.meters = meters;
    }

    /** Adds the event to the current transaction. */
    public Uni<Void> record(UserEventType type, UserEntity user, Map<String, String> details) {
        return Sessions.current().insert(event(type, user, details)).replaceWithVoid();
    }

    /** The outbox row of an event, for a caller that writes it in a transaction of its own. */
    public OutboxEventEntity event(UserEventType type, UserEntity user, Map<String, String> details) {
        Instant now = Instant.now();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("type", type.name());
        data.put("userPoolId", user.poolId);
        data.put("username", user.username);
        data.put("sub", user.sub.toString());
        data.put("occurredAt", DateTimeFormatter.ISO_INSTANT.format(now));
        data.putAll(details);
        OutboxEventEntity event = new OutboxEventEntity();
        event.topic = topic;
        event.eventKey = user.poolId + "/" + user.sub;
        event.payload = CloudEvents.event("io.cognate.userpool." + type.name(), user.poolId, user.sub.toString(), now, data);
        event.createdAt = now;
        event.traceParent = KafkaTraceContext.traceparent();
        meters.counter("cognate.user.events", "type", type.name(), "flow", details.getOrDefault("authFlow", ""),
                "reason", details.getOrDefault("reason", "")).increment();
        return event;
    }
}
