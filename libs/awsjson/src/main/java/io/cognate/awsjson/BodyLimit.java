package io.cognate.awsjson;

import io.vertx.ext.web.Router;

/**
 * The answer to a body larger than the service takes: 413 with the error type in {@code x-amzn-ErrorType}
 * ({@code SerializationException}), as AWS JSON clients read it when there is no body. Installed ahead of every
 * route, it refuses by the declared Content-Length before any of the body is read, and closes the connection, whose
 * unread rest would otherwise be taken for the next request. The answer has no body: a client that sent
 * {@code Expect: 100-continue} and is refused may wait for a body it will not read (the JDK's HttpClient does). A
 * client whose length passed hears {@code 100 Continue}.
 */
public final class BodyLimit {
    private BodyLimit() {
    }

    public static void install(Router router, long maxBytes) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > maxBytes) {
                context.response().setStatusCode(413).putHeader("x-amzn-ErrorType", "SerializationException")
                        .putHeader("Connection", "close").end();
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
