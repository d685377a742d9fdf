package io.cognate.identitypool.api;

import org.jboss.logging.Logger;

import io.cognate.database.Outages;
import io.cognate.database.UnstorableText;
import io.cognate.identitypool.error.IdentityError;
import io.cognate.identitypool.error.IdentityException;

/**
 * Every failure as the error it is answered with; anything unforeseen as InternalErrorException, logged without the request.
 */
final class ErrorAnswers {
    private static final Logger LOG = Logger.getLogger(ErrorAnswers.class);

    private ErrorAnswers() {
    }

    static IdentityException of(Throwable failure, String requestId) {
        if (failure instanceof IdentityException known) {
            return known;
        }
        if (UnstorableText.isUnstorableText(failure)) {
            return IdentityError.INVALID_PARAMETER.withMessage(UnstorableText.message());
        }
        if (Outages.isDatabaseOutage(failure)) {
            LOG.warnf("Request %s failed: the database is unreachable (%s)", requestId, failure.getClass()
                    .getSimpleName());
            return IdentityError.INTERNAL_ERROR.withMessage("The service is temporarily unavailable; try again.");
        }
        LOG.errorf(failure, "Request %s failed unexpectedly", requestId);
        return IdentityError.INTERNAL_ERROR.withMessage("An internal error occurred. Request id: " + requestId);
    }
}
