package io.cognate.awsjson;

import java.util.UUID;

import org.jboss.logging.MDC;

/**
 * A request's id, answered as {@code x-amzn-RequestId} and put in the logging context as {@code requestId}: every
 * line the request logs carries it (JSON logs as an MDC field, plain ones through {@code %X{requestId}}), as the
 * access log line does. On Quarkus the context belongs to the request's Vert.x context, so it follows the request
 * across threads and never leaks into another's.
 */
public final class RequestIds {
    public static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    public static String begin() {
        String id = UUID.randomUUID().toString();
        MDC.put(MDC_KEY, id);
        return id;
    }
}
