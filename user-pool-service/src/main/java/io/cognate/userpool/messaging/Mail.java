package io.cognate.userpool.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.cognate.userpool.api.CognitoError;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

/** Sends Cognito's messages (codes, invitations) by email over SMTP. */
@ApplicationScoped
public class Mail {
    private static final Logger LOG = Logger.getLogger(Mail.class);

    private final ReactiveMailer mailer;

    public Mail(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    /** Sends the message; a delivery failure is Cognito's CodeDeliveryFailureException (the body is not logged). */
    public Uni<Void> send(String to, String subject, String body) {
        return mailer.send(io.quarkus.mailer.Mail.withText(to, subject, body)).onFailure().transform(e -> {
            LOG.warnf("Mail delivery failed: %s", e.getClass().getSimpleName());
            return CognitoError.CODE_DELIVERY_FAILURE.withMessage("Unable to deliver the message by email.");
        });
    }
}
