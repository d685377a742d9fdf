package io.cognate.awsjson;

import io.vertx.ext.web.Router;

/**
 * The answer to a body larger than the service takes, as an AWS JSON error (413, {@code SerializationException})
 * rather than the HTTP server's empty 413: installed ahead of every route, it refuses by the declared Content-Length
 * before any of the body is read, and closes the connection, whose unread rest would otherwise be taken for the next
 * request. A client that sent {@code Expect: 100-continue} hears {@code 100 Continue} once its length passed.
 */
public final class BodyLimit {
    private BodyLimit() {
    }

    public static void install(Router router, long maxBytes) {
        String answer = "{\"__type\":\"SerializationException\",\"message\":\"The request body is larger than "
                + maxBytes + " bytes.\"}";
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > maxBytes) {
                context.response().setStatusCode(413).putHeader("Content-Type", "application/x-amz-json-1.1")
                        .putHeader("x-amzn-ErrorType", "SerializationException").putHeader("Connection", "close")
                        .end(answer);
                return;
            }
            // A client that asked to be told to go on (Expect: 100-continue) is told so, once the length passed.
            if ("100-continue".equalsIgnoreCase(context.request().getHeader("Expect"))) {
                context.response().writeContinue();
            }
            context.next();
        });
    }
}
