package io.cognate.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.Logger;

import io.cognate.contracts.events.CloudEvents;
import io.cognate.database.Outages;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.TimeoutException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes a service's outbox events (its {@code outbox_event} table: id, topic, event_key, payload, created_at,
 * published_at, trace_parent) to Kafka as structured CloudEvents (with the writer's traceparent header), oldest first (by when
 * they happened, a quarter second after). One replica
 * relays
 * at a time (a transaction-scoped advisory lock), so one user's events keep their order; rows are marked published only after
 * Kafka acknowledged them, so
 * a failure means a retry (at-least-once), never a loss. Every replica measures the backlog each round: the gauges
 * {@code cognate_outbox_backlog} (events not yet published) and {@code cognate_outbox_lag_seconds} (how long the
 * oldest has waited), the same on every replica.
 */
public final class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x636f676e6174L; // "cognat"
    private static final int BATCH = 500;
    /** Batches per round at most: a backlog (after an outage, under load) drains at up to 10,000 events a round. */
    private static final int MAX_BATCHES = 20;
    private static final List<Header> STRUCTURED = List.of(new RecordHeader("content-type",
            CloudEvents.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
    /** How old an event must be before it is published: longer than any event takes to be written. */
    static final long SETTLE_MILLIS = 250;

    private final Pool pool;
    private final KafkaProducer<String, String> producer;
    private volatile boolean kafkaDownLogged;
    private volatile boolean databaseDownLogged;
    private volatile double backlog;
    private volatile double lagSeconds;

    public OutboxRelay(Pool pool, KafkaProducer<String, String> producer, MeterRegistry meters) {
        this.pool = pool;
        this.producer = producer;
        Gauge.builder("cognate.outbox.backlog", this, relay -> relay.backlog)
                .description("Events in the outbox not yet published to Kafka").register(meters);
        Gauge.builder("cognate.outbox.lag", this, relay -> relay.lagSeconds).baseUnit("seconds")
                .description("How long the oldest unpublished event has waited").register(meters);
    }

    /**
     * One round, from a scheduled job on a worker thread (it blocks): if this replica leads, publishes what has settled,
     * batch after batch, up to {@link #MAX_BATCHES}.
     */
    public void relay() {
        try {
            round();
            databaseDownLogged = false;
        } catch (RuntimeException e) {
            if (!unreachable(e)) {
                throw e;
            }
            if (!databaseDownLogged) { // one line an outage, not a stack trace a second from the scheduler
                LOG.warnf("Outbox relay paused, the database is unreachable (%s); events stay queued",
                        e.getClass().getSimpleName());
                databaseDownLogged = true;
            }
        }
    }

    private void round() {
        SqlConnection connection = pool.getConnection().await().atMost(Duration.ofSeconds(5));
        Transaction tx = connection.begin().await().indefinitely();
        try {
            Row waiting = connection.query("select count(*), coalesce(extract(epoch from now() - min(created_at)), 0) "
                    + "from outbox_event where published_at is null").execute().await().indefinitely().iterator().next();
            backlog = waiting.getLong(0);
            lagSeconds = waiting.getNumeric(1).doubleValue();
            boolean leader = connection.preparedQuery("select pg_try_advisory_xact_lock($1)")
                    .execute(Tuple.of(RELAY_LOCK)).await().indefinitely().iterator().next().getBoolean(0);
            if (leader) {
                // Batch after batch while full: one batch a round would cap the relay at 500 events a second.
                for (int batch = 0; batch < MAX_BATCHES; batch++) {
                    if (publishBatch(connection) < BATCH) {
                        break;
                    }
                }
            }
            tx.commit().await().indefinitely();
        } catch (KafkaException e) {
            tx.rollback().await().indefinitely();
            if (!kafkaDownLogged) {
                LOG.warnf("Outbox relay paused, Kafka did not take the events; they stay queued: %s",
                        e.getClass().getSimpleName());
                kafkaDownLogged = true;
            }
        } catch (RuntimeException e) {
            tx.rollback().await().indefinitely(); // a database outage ends here or in relay(): one line, not a stack trace
            throw e;
        } finally {
            connection.close().await().indefinitely();
        }
    }

    /** Deletes events published more than {@code age} ago (from a scheduled job on a worker thread); answers how many. */
    public int prune(Duration age) {
        try {
            return pool.withConnection(c -> c.preparedQuery("delete from outbox_event where published_at < now() - "
                    + "make_interval(secs => $1)").execute(Tuple.of((double) age.toSeconds()))).await()
                    .atMost(Duration.ofSeconds(60)).rowCount();
        } catch (RuntimeException e) {
            if (!unreachable(e)) {
                throw e;
            }
            LOG.warnf("Outbox prune skipped, the database is unreachable (%s)", e.getClass().getSimpleName());
            return 0;
        }
    }

    private static boolean unreachable(RuntimeException e) {
        return Outages.isDatabaseOutage(e) || e instanceof TimeoutException;
    }

    /** A record's headers: structured CloudEvents, and the trace of the request that wrote the event, if traced. */
    private static List<Header> headers(String traceParent) {
        if (traceParent == null) {
            return STRUCTURED;
        }
        return List.of(STRUCTURED.get(0), new RecordHeader("traceparent", traceParent.getBytes(StandardCharsets.UTF_8)));
    }

    /** Publishes the oldest settled events, up to a batch; answers how many. */
    private int publishBatch(SqlConnection connection) {
        // In the order things happened (created_at), once they have had SETTLE to be written: a failed sign-in's event
        // is written just after its refusal is answered, possibly after the next sign-in's.
        var rows = connection.preparedQuery("select id, topic, event_key, payload, trace_parent from outbox_event where "
                + "published_at is null and created_at < now() - interval '" + SETTLE_MILLIS + " milliseconds' "
                + "order by created_at, id limit $1").execute(Tuple.of(BATCH)).await().indefinitely();
        List<Long> ids = new ArrayList<>();
        List<Future<?>> acks = new ArrayList<>();
        for (Row row : rows) {
            ids.add(row.getLong("id"));
            acks.add(producer.send(new ProducerRecord<>(row.getString("topic"), null, row.getString("event_key"),
                    row.getString("payload"), headers(row.getString("trace_parent")))));
        }
        if (ids.isEmpty()) {
            return 0;
        }
        producer.flush();
        for (Future<?> ack : acks) {
            try {
                ack.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new KafkaException("Kafka did not acknowledge an event", e);
            }
        }
        connection.preparedQuery("update outbox_event set published_at = now() where id = any($1)")
                .execute(Tuple.of(ids.toArray(new Long[0]))).await().indefinitely();
        if (kafkaDownLogged) {
            LOG.info("Outbox relay resumed");
            kafkaDownLogged = false;
        }
        return ids.size();
    }
}
