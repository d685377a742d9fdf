package io.cognate.userpool.triggers;

/**
 * A trigger that failed the operation, as Cognito reports it: the handler's error (UserLambdaValidationException),
 * a handler that could not be run (UnexpectedLambdaException), or an answer that is not what the trigger returns
 * (InvalidLambdaResponseException). The message is Cognito's text; the API answers it as it is.
 */
public class TriggerException extends RuntimeException {

    public enum Kind {
        USER_LAMBDA_VALIDATION,
        UNEXPECTED_LAMBDA,
        INVALID_LAMBDA_RESPONSE
    }

    private final Kind kind;

    public TriggerException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static TriggerException unrecognizable() {
        return new TriggerException(Kind.INVALID_LAMBDA_RESPONSE, "Unrecognizable lambda output");
    }
}
