package io.cognate.trigger.functions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import io.cognate.trigger.config.KafkaClients;
import io.cognate.trigger.config.TriggerConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The functions mapped through the admin API, shared by every replica: each mapping is a record of a compacted Kafka
 * topic (one partition), keyed by the function's name or ARN, its target as the value, a tombstone removing it. Every
 * replica reads the topic from its start and then follows it, so a mapping survives restarts and reaches every
 * replica within about a second; the replica that made a change has it as soon as the broker acknowledged it.
 */
@ApplicationScoped
public class MappedFunctions {
    private static final Logger LOG = Logger.getLogger(MappedFunctions.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, FunctionTarget> mapped = new ConcurrentHashMap<>();
    private final String topic;
    private final KafkaClients kafka;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private Thread follower;
    private volatile boolean stopping;

    public MappedFunctions(TriggerConfig config, KafkaClients kafka) {
        this.topic = config.functionsTopic();
        this.kafka = kafka;
        this.producer = kafka.producer(Map.of());
        this.consumer = kafka.consumer(Map.of());
    }

    /** The target the admin API set for a function name or ARN. */
    public Optional<FunctionTarget> get(String function) {
        return Optional.ofNullable(mapped.get(function));
    }

    /** Every mapping the admin API set, by function name or ARN. */
    public Map<String, FunctionTarget> all() {
        return new TreeMap<>(mapped);
    }

    /** Maps a function name or ARN to a target, once the broker has the mapping. */
    public Uni<Void> put(String function, FunctionTarget target) {
        return write(function, target.toString()).invoke(() -> mapped.put(function, target));
    }

    /** Removes a mapping the admin API set, once the broker has the removal. */
    public Uni<Void> remove(String function) {
        return write(function, null).invoke(() -> mapped.remove(function));
    }

    private Uni<Void> write(String function, String target) {
        ProducerRecord<String, String> mapping = new ProducerRecord<>(topic, function, target);
        return Uni.createFrom().completionStage(() -> KafkaClients.send(producer, mapping))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).ifNoItem().after(SEND_TIMEOUT).fail();
    }

    void start(@Observes StartupEvent start) {
        follower = new Thread(this::follow, "function-map-follower");
        follower.setDaemon(true);
        follower.start();
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        stopping = true;
        consumer.wakeup();
        if (follower != null) {
            follower.join(2000);
        }
        producer.close(Duration.ofSeconds(2));
    }

    private void follow() {
        try (consumer) {
            createTopic();
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> mapping : consumer.poll(Duration.ofSeconds(1))) {
                    apply(mapping);
                }
            }
        } catch (WakeupException e) {
            // Shutting down.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf("function map follower stopped: %s", e.getClass().getSimpleName());
        }
    }

    private void apply(ConsumerRecord<String, String> mapping) {
        if (mapping.key() == null) {
            return;
        }
        if (mapping.value() == null) {
            mapped.remove(mapping.key());
            return;
        }
        try {
            mapped.put(mapping.key(), FunctionTarget.parse(mapping.value()));
        } catch (IllegalArgumentException e) {
            LOG.warnf("function map: the record of %s holds no target; ignored", mapping.key());
        }
    }

    /** The compacted topic, unless it exists (a Strimzi KafkaTopic, or an earlier run); waits for the broker. */
    private void createTopic() throws InterruptedException {
        try (Admin admin = kafka.admin()) {
            while (!stopping) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                            .configs(Map.of("cleanup.policy", "compact")))).all().get();
                    return;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicExistsException) {
                        return;
                    }
                    LOG.warnf("function map: cannot create %s yet: %s", topic, e.getCause().getClass().getSimpleName());
                    Thread.sleep(2000);
                }
            }
            throw new WakeupException();
        }
    }
}
