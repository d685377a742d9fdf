package io.cognate.userpool.grpc;

/** trigger-gateway refused a change of its function map, or could not be asked. */
public class FunctionMapException extends RuntimeException {
    public enum Kind {
        INVALID,
        NOT_FOUND,
        UNAVAILABLE
    }

    private final Kind kind;

    public FunctionMapException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
