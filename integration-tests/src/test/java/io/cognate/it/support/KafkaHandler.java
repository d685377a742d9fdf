package io.cognate.it.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A trigger handler run as a Kafka consumer, as a team that prefers one writes it with the plain Kafka clients: reads
 * the synchronous triggers' requests of one function from {@code cognate.triggers.requests}, and answers each on the
 * topic its {@code kafka_replyTopic} header names, with its {@code kafka_correlationId}. The handler gets the event
 * and returns the reply's body, or null to stay silent.
 */
public final class KafkaHandler implements AutoCloseable {
    public static final String REQUESTS = "cognate.triggers.requests";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String function;
    private final Function<ObjectNode, String> handler;
    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final List<ConsumerRecord<String, String>> requests = new CopyOnWriteArrayList<>();
    private final Thread thread;

    private KafkaHandler(String function, Function<ObjectNode, String> handler) {
        this.function = function;
        this.handler = handler;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.get().kafkaBootstrap());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.consumer = new KafkaConsumer<>(props);
        this.producer = new KafkaProducer<>(props);
        // From the topic's end, positioned before any test request goes out.
        List<TopicPartition> partitions = partitions();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.thread = new Thread(this::run, "kafka-handler-" + function);
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts answering the requests of {@code function} (its name, the last part of the ARN). */
    public static KafkaHandler start(String function, Function<ObjectNode, String> handler) {
        return new KafkaHandler(function, handler);
    }

    /** The requests this handler was sent, oldest first. */
    public List<ConsumerRecord<String, String>> requests() {
        return List.copyOf(requests);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void run() {
        try {
            while (true) {
                for (ConsumerRecord<String, String> request : consumer.poll(Duration.ofMillis(200))) {
                    String arn = header(request, "function-arn");
                    if (arn != null && arn.endsWith(":function:" + function)) {
                        requests.add(request);
                        answer(request);
                    }
                }
            }
        } catch (WakeupException e) {
            // Closed.
        }
    }

    private void answer(ConsumerRecord<String, String> request) {
        String reply;
        try {
            reply = handler.apply((ObjectNode) JSON.readTree(request.value()));
        } catch (Exception e) {
            reply = JSON.createObjectNode().put("errorMessage", e.getMessage()).put("errorType", "Error").toString();
        }
        if (reply == null) {
            return;
        }
        ProducerRecord<String, String> answer = new ProducerRecord<>(header(request, "kafka_replyTopic"),
                request.key(), reply);
        answer.headers().add(request.headers().lastHeader("kafka_correlationId"));
        producer.send(answer);
    }

    private List<TopicPartition> partitions() {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            List<PartitionInfo> infos = consumer.partitionsFor(REQUESTS, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(REQUESTS, info.partition())).toList();
            }
        }
        throw new AssertionError(REQUESTS + " does not exist on " + Stack.get().kafkaBootstrap());
    }

    /** The event with a response member filled in, as a handler returns it. */
    public static String respond(ObjectNode event, JsonNode response) {
        event.set("response", response);
        return event.toString();
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(5000);
        consumer.close();
        producer.close();
    }
}
