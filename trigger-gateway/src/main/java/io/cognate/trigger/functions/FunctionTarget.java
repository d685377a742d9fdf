package io.cognate.trigger.functions;

import java.net.URI;

/** Where a function's handler runs. */
public sealed interface FunctionTarget {
    /** The value that maps a function to its user's own Kafka consumer. */
    String KAFKA = "kafka";
    /** The value that maps a function to AWS Lambda itself. */
    String AWS = "aws";

    /** An HTTP endpoint that speaks the Lambda Invoke API, at this URL. */
    record InvokeApi(URI url) implements FunctionTarget {
        @Override
        public String toString() {
            return url.toString();
        }
    }

    /**
     * The user's own Kafka consumer: the requests topic for a synchronous trigger, the custom sender topic for a
     * custom sender.
     */
    record Kafka() implements FunctionTarget {
        @Override
        public String toString() {
            return KAFKA;
        }
    }

    /** AWS Lambda: the function's ARN invoked through Lambda's own Invoke API, signed with AWS Signature V4. */
    record AwsLambda() implements FunctionTarget {
        @Override
        public String toString() {
            return AWS;
        }
    }

    /** The target a mapping's value names: {@code kafka}, {@code aws}, or an absolute http(s) URL. */
    static FunctionTarget parse(String value) {
        if (value.equals(KAFKA)) {
            return new Kafka();
        }
        if (value.equals(AWS)) {
            return new AwsLambda();
        }
        URI url = URI.create(value);
        if (!url.isAbsolute() || url.getHost() == null
                || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("a function's target is kafka, aws or an http(s) URL");
        }
        return new InvokeApi(url);
    }
}
