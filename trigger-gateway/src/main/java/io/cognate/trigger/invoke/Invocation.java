package io.cognate.trigger.invoke;

/** How a trigger's invocation ended: the handler's event, or a failure as Cognito reports it. */
public sealed interface Invocation {

    /** The handler answered an event (its response filled in). */
    record Answered(String eventJson) implements Invocation {
    }

    /** The invocation failed; {@code message} is Cognito's text for it. */
    record Failed(FailureKind kind, String message) implements Invocation {
    }

    enum FailureKind {
        /** The handler threw or answered an error: UserLambdaValidationException. */
        HANDLER_ERROR,
        /** The handler could not be run (every attempt timed out, unreachable, no such function). */
        NOT_RUN,
        /** The handler answered something that is not an event. */
        INVALID_RESPONSE
    }

    static Failed handlerError(String trigger, String errorMessage) {
        // Cognito appends a full stop, even after one the handler wrote.
        return new Failed(FailureKind.HANDLER_ERROR, trigger + " failed with error " + errorMessage + ".");
    }

    static Failed notRun(String trigger, String lambdaError) {
        return new Failed(FailureKind.NOT_RUN, trigger + " invocation failed due to error " + lambdaError + ".");
    }

    static Failed invalidResponse() {
        return new Failed(FailureKind.INVALID_RESPONSE, "Unrecognizable lambda output");
    }
}
