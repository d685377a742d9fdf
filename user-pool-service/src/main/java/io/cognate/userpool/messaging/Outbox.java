package io.cognate.userpool.messaging;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Json;
import io.cognate.userpool.config.CognateConfig;
import io.cognate.userpool.repository.OutboxEventEntity;
import io.cognate.userpool.repository.UserEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Writes user events to the outbox in the caller's transaction, so an event exists exactly when its change
 * committed. {@link OutboxRelay} publishes them; Kafka being down delays events, never loses them.
 */
@ApplicationScoped
public class Outbox {
    private final String topic;

    public Outbox(CognateConfig config) {
        this.topic = config.eventsTopic();
    }

    /** Adds the event to the current transaction. */
    public Uni<Void> record(UserEventType type, UserEntity user, Map<String, String> details) {
        return Panache.getSession().chain(s -> s.persist(event(type, user, details)));
    }

    /** The outbox row of an event, for a caller that writes it in a transaction of its own. */
    public OutboxEventEntity event(UserEventType type, UserEntity user, Map<String, String> details) {
        OutboxEventEntity event = new OutboxEventEntity();
        event.topic = topic;
        event.eventKey = user.poolId + "/" + user.sub;
        event.payload = Json.write(cloudEvent(type, user, details));
        event.createdAt = Instant.now();
        return event;
    }

    private static ObjectNode cloudEvent(UserEventType type, UserEntity user, Map<String, String> details) {
        String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now());
        ObjectNode data = Json.object().put("type", type.name()).put("userPoolId", user.poolId)
                .put("username", user.username).put("sub", user.sub.toString()).put("occurredAt", now);
        details.forEach(data::put);
        ObjectNode event = Json.object().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/userpools/" + user.poolId).put("type", "io.cognate.userpool." + type.name())
                .put("subject", user.sub.toString()).put("time", now).put("datacontenttype", "application/json");
        event.set("data", data);
        return event;
    }
}
