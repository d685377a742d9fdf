package io.cognate.trigger.invoke;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What one answer of the Lambda Invoke API means. Hosts report a handler's error differently: AWS Lambda, LocalStack
 * and SAM with HTTP 200 and {@code X-Amz-Function-Error}; the runtime interface emulator with HTTP 200 and the error
 * object alone; a handler that runs too long as the plain text {@code Task timed out after N seconds}. So an error is
 * the header, or an {@code errorMessage} where an event should be; anything else that is not an event (no JSON
 * object, an envelope member missing, no response object) is output Cognito cannot read.
 */
final class HandlerAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The envelope members a handler must give back (it returns the event it was given, response filled in). */
    private static final List<String> ENVELOPE = List.of("version", "triggerSource", "region", "userPoolId");

    private HandlerAnswers() {
    }

    /** An attempt's result: the invocation's end, or a reason to try again (Lambda's error name). */
    sealed interface Attempt {
    }

    record Done(Invocation invocation) implements Attempt {
    }

    record Retry(String lambdaError) implements Attempt {
    }

    /** The header with which AWS Lambda (and a Kafka handler's reply) marks a handler's error. */
    static final String FUNCTION_ERROR = "X-Amz-Function-Error";

    static final String TIMEOUT = "Socket timeout while invoking Lambda function";

    /**
     * What an answer means; {@code asynchronous}: the trigger is one Cognito invokes asynchronously (the custom
     * senders), whose answer nobody reads, so anything but an error is done.
     */
    static Attempt of(String trigger, int status, boolean functionError, String body, boolean asynchronous) {
        if (status == 404) {
            return new Done(Invocation.notRun(trigger, "ResourceNotFoundException"));
        }
        if (status == 429 || status >= 500) {
            return new Retry(status == 429 ? "TooManyRequestsException" : "ServiceException");
        }
        if (status < 200 || status >= 300) {
            return new Done(Invocation.notRun(trigger, status == 401 || status == 403 ? "AccessDeniedException"
                    : "InvalidRequestContentException"));
        }
        if (body.startsWith("Task timed out after")) {
            return new Retry(TIMEOUT);
        }
        JsonNode answer = parse(body);
        if (answer != null && answer.isObject() && answer.has("errorMessage") && (functionError
                || !answer.has("triggerSource"))) {
            return new Done(Invocation.handlerError(trigger, answer.get("errorMessage").asText()));
        }
        if (functionError) {
            return new Done(Invocation.handlerError(trigger, answer != null && answer.isTextual() ? answer.asText()
                    : "Unhandled"));
        }
        if (asynchronous) {
            return new Done(new Invocation.Answered(body));
        }
        if (answer == null || !answer.isObject() || !answer.path("response").isObject()
                || !answer.path("callerContext").isObject()
                || ENVELOPE.stream().anyMatch(member -> !answer.path(member).isTextual())) {
            return new Done(Invocation.invalidResponse());
        }
        return new Done(new Invocation.Answered(body));
    }

    /** The answer as JSON; null when it is none. */
    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
