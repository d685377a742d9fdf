package io.cognate.userpool.api.hosted;

import java.util.UUID;

import io.cognate.userpool.api.ErrorAnswers;
import io.cognate.userpool.error.CognitoException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Failures as token-service reads them: a refusal is FAILED_PRECONDITION with Cognito's message and, in the
 * {@code cognito-error} trailer, Cognito's error type; an internal error is INTERNAL with no detail.
 */
final class HostedErrors {
    static final Metadata.Key<String> ERROR_TYPE = Metadata.Key.of("cognito-error", Metadata.ASCII_STRING_MARSHALLER);

    private HostedErrors() {
    }

    static Throwable toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException) {
            return failure;
        }
        CognitoException cognito = ErrorAnswers.of(failure, UUID.randomUUID().toString());
        if (cognito.error().status() >= 500) {
            return Status.INTERNAL.withDescription(cognito.getMessage()).asRuntimeException();
        }
        Metadata trailers = new Metadata();
        trailers.put(ERROR_TYPE, cognito.error().type());
        return Status.FAILED_PRECONDITION.withDescription(cognito.getMessage()).asRuntimeException(trailers);
    }

    static StatusRuntimeException notFound(String message) {
        return Status.NOT_FOUND.withDescription(message).asRuntimeException();
    }
}
