package io.cognate.trigger.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where trigger handlers run, under the {@code cognate.triggers} prefix (env COGNATE_TRIGGERS_URL_TEMPLATE, ...). */
@ConfigMapping(prefix = "cognate.triggers")
public interface TriggerConfig {

    /**
     * The Lambda Invoke API URL of a function that {@link #functions()} does not name, with {@code {function}} for the
     * function's name (the last part of its ARN). The default suits Kubernetes: one Service per function, named as
     * the function, in front of the function's own Lambda container image, whose runtime interface emulator answers
     * on port 8080 at the literal path {@code /2015-03-31/functions/function/invocations}.
     */
    @WithDefault("http://{function}:8080/2015-03-31/functions/function/invocations")
    String urlTemplate();

    /**
     * Functions mapped one by one, each {@code <name or ARN>=<Invoke API URL>}, comma-separated (env
     * {@code COGNATE_TRIGGERS_FUNCTIONS}); a full ARN is matched before its name, and a mapping set through the admin
     * API before either. {@code <name or ARN>=kafka} leaves the function to the user's own consumer: of
     * {@link #requestsTopic()} for a synchronous trigger, of {@link #customSenderTopic()} for a custom sender.
     * Default: none, every function by {@link #urlTemplate()}.
     */
    Optional<List<String>> functions();

    /**
     * The Kafka topic of the custom sender triggers' events, written by user-pool-service; trigger-gateway invokes
     * their handlers from it, except those mapped to {@code kafka}, whose own consumers read it.
     */
    @WithDefault("cognate.triggers.custom-sender")
    String customSenderTopic();

    /**
     * The Kafka topic of the synchronous triggers' events whose functions are mapped to {@code kafka}; the users'
     * consumers answer on {@link #repliesTopic()}.
     */
    @WithDefault("cognate.triggers.requests")
    String requestsTopic();

    /** The Kafka topic of the answers to {@link #requestsTopic()}, read by every replica. */
    @WithDefault("cognate.triggers.replies")
    String repliesTopic();

    /** The compacted Kafka topic of the function mappings set through the admin API. */
    @WithDefault("cognate.triggers.functions")
    String functionsTopic();

    /** The Kafka topic of the TriggerInvoked and TriggerFailed events, one per invocation. */
    @WithDefault("cognate.triggers.invocations")
    String invocationsTopic();

    /** AWS Lambda itself, for the functions mapped to {@code aws}. */
    Aws aws();

    /**
     * How to call AWS Lambda's Invoke API for a function mapped to {@code aws}: signed with AWS Signature V4 by these
     * credentials (env COGNATE_TRIGGERS_AWS_ACCESS_KEY_ID, ..._SECRET_ACCESS_KEY, ..._SESSION_TOKEN), for the region
     * of the function's ARN. Default: no credentials, so such a function is refused (AccessDeniedException).
     */
    interface Aws {
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();

        /** For temporary credentials (STS). */
        Optional<String> sessionToken();

        /**
         * The Lambda endpoint, instead of {@code https://lambda.<region>.amazonaws.com} (a VPC endpoint, a
         * Lambda-compatible server); as the AWS SDKs' AWS_ENDPOINT_URL_LAMBDA.
         */
        Optional<String> endpoint();
    }

    /** The consumer group of the replicas reading {@link #customSenderTopic()}. */
    @WithDefault("cognate-trigger-gateway")
    String consumerGroup();
}
