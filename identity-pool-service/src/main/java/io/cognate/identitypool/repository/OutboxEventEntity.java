package io.cognate.identitypool.repository;

import java.time.Instant;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/** An event waiting in the outbox for the relay (libs/outbox) to publish it. */
@Table("outbox_event")
public class OutboxEventEntity {
    @Id(generated = true)
    public Long id;

    public String topic;

    @Column("event_key")
    public String eventKey;

    public String payload;

    @Column("created_at")
    public Instant createdAt;

    @Column("published_at")
    public Instant publishedAt;

    /** The W3C traceparent of the request that wrote it, null when none was traced: the record's header. */
    @Column("trace_parent")
    public String traceParent;
}
