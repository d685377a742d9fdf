package io.cognate.userpool.repository;

import java.time.Instant;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/** An event written in the same transaction as the change it describes; the relay publishes it to Kafka. */
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
