package io.cognate.userpool.api;

import org.jboss.logging.Logger;

import io.cognate.database.Outages;
import io.cognate.database.UnstorableText;
import io.cognate.userpool.error.CognitoError;
import io.cognate.userpool.error.CognitoException;
import io.cognate.userpool.grpc.FunctionMapException;
import io.cognate.userpool.grpc.TokenServiceException;
import io.cognate.userpool.messaging.DeliveryFailedException;
import io.cognate.userpool.triggers.TriggerException;

/**
 * Every failure as the Cognito error it is answered with: the domain's own errors as they are, the failures of the
 * infrastructure below as Cognito names them, and anything else as InternalErrorException (logged without the
 * request, which may hold passwords or tokens).
 */
public final class ErrorAnswers {
    private static final Logger LOG = Logger.getLogger(ErrorAnswers.class);

    private ErrorAnswers() {
    }

    public static CognitoException of(Throwable failure, String requestId) {
        if (failure instanceof CognitoException cognito) {
            return cognito;
        }
        if (failure instanceof DeliveryFailedException delivery) {
            return CognitoError.CODE_DELIVERY_FAILURE.withMessage(delivery.getMessage());
        }
        if (failure instanceof TriggerException trigger) {
            return switch (trigger.kind()) {
                case USER_LAMBDA_VALIDATION -> CognitoError.USER_LAMBDA_VALIDATION.withMessage(trigger.getMessage());
                case UNEXPECTED_LAMBDA -> CognitoError.UNEXPECTED_LAMBDA.withMessage(trigger.getMessage());
                case INVALID_LAMBDA_RESPONSE -> CognitoError.INVALID_LAMBDA_RESPONSE.withMessage(trigger.getMessage());
            };
        }
        if (failure instanceof TokenServiceException tokenService) {
            return switch (tokenService.kind()) {
                case REFUSED -> CognitoError.NOT_AUTHORIZED.withMessage(tokenService.getMessage());
                case INVALID_ARGUMENT -> CognitoError.INVALID_PARAMETER.withMessage(tokenService.getMessage());
                case UNAVAILABLE -> CognitoError.INTERNAL_ERROR.withMessage("The token service is unavailable; try again.");
            };
        }
        if (failure instanceof FunctionMapException map) {
            return switch (map.kind()) {
                case INVALID -> CognitoError.INVALID_PARAMETER.withMessage(map.getMessage());
                case NOT_FOUND -> CognitoError.RESOURCE_NOT_FOUND.withMessage(map.getMessage());
                case UNAVAILABLE -> CognitoError.INTERNAL_ERROR.withMessage(map.getMessage());
            };
        }
        if (UnstorableText.isUnstorableText(failure)) {
            return CognitoError.INVALID_PARAMETER.withMessage(UnstorableText.message());
        }
        if (Outages.isDatabaseOutage(failure)) {
            LOG.warnf("Request %s failed: the database is unreachable (%s)", requestId, failure.getClass()
                    .getSimpleName());
            return CognitoError.INTERNAL_ERROR.withMessage("The service is temporarily unavailable; try again.");
        }
        LOG.errorf(failure, "Request %s failed unexpectedly", requestId);
        return CognitoError.INTERNAL_ERROR.withMessage("An internal error occurred. Request id: " + requestId);
    }
}
