package io.cognate.token.grpc;

import org.jboss.logging.Logger;

import io.cognate.database.Outages;
import io.cognate.database.UnstorableText;
import io.cognate.token.service.TokenException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Maps service failures to gRPC statuses; anything unexpected becomes INTERNAL without details. */
final class GrpcErrors {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    static Throwable toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException) {
            return failure;
        }
        if (failure instanceof TokenException e) {
            Status status = switch (e.error()) {
                case INVALID_PARAMETER -> Status.INVALID_ARGUMENT;
                case FAMILY_NOT_USABLE -> Status.FAILED_PRECONDITION;
                case SIGNING_KEY_UNAVAILABLE -> Status.INTERNAL;
            };
            return status.withDescription(e.getMessage()).asRuntimeException();
        }
        if (UnstorableText.isUnstorableText(failure)) {
            return Status.INVALID_ARGUMENT.withDescription(UnstorableText.message()).asRuntimeException();
        }
        if (Outages.isDatabaseOutage(failure)) {
            LOG.warnf("token-service call failed: the database is unreachable (%s)", failure.getClass().getSimpleName());
            return Status.UNAVAILABLE.withDescription("database unavailable").asRuntimeException();
        }
        LOG.error("token-service call failed", failure);
        return Status.INTERNAL.withDescription("internal error").asRuntimeException();
    }

    static StatusRuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }
}
