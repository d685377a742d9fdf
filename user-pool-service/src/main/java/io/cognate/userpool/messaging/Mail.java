package io.cognate.userpool.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

/**
 * Sends Cognito's messages (codes, links, invitations) by email over SMTP, from the pool's EmailConfiguration sender
 * when it has one. A message with markup (a verification link) goes as HTML.
 */
@ApplicationScoped
public class Mail {
    private static final Logger LOG = Logger.getLogger(Mail.class);

    private final ReactiveMailer mailer;

    public Mail(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    /** Who a pool's mail comes from: EmailConfiguration's From and ReplyToEmailAddress; null for the default. */
    public record Sender(String from, String replyTo) {
    }

    /** Sends the message; a delivery failure is a DeliveryFailedException (the body is not logged). */
    public Uni<Void> send(Sender sender, String to, String subject, String body) {
        io.quarkus.mailer.Mail mail = body.contains("</") || body.contains("<br")
                ? io.quarkus.mailer.Mail.withHtml(to, subject, body)
                : io.quarkus.mailer.Mail.withText(to, subject, body);
        if (sender.from() != null) {
            mail.setFrom(sender.from());
        }
        if (sender.replyTo() != null) {
            mail.setReplyTo(sender.replyTo());
        }
        return mailer.send(mail).onFailure().transform(e -> {
            LOG.warnf("Mail delivery failed: %s", e.getClass().getSimpleName());
            return new DeliveryFailedException("email");
        });
    }
}
