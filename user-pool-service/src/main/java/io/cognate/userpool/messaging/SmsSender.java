package io.cognate.userpool.messaging;

import io.smallrye.mutiny.Uni;

/**
 * Where text messages (codes, invitations) go. The default, {@link KafkaSmsSender}, publishes each message to a
 * Kafka topic for an SMS gateway to deliver; a deployment that talks to a provider directly supplies its own
 * {@code @ApplicationScoped} implementation, which replaces the default.
 */
public interface SmsSender {

    /**
     * Hands the message over for delivery to {@code phoneNumber}; fails with DeliveryFailedException when it
     * cannot be handed over, never silently. {@code purpose} (SIGN_UP, FORGOT_PASSWORD, SMS_MFA, ...) is for the
     * gateway's records.
     */
    Uni<Void> send(String userPoolId, String phoneNumber, String message, String purpose);
}
