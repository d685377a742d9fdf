package io.cognate.userpool.messaging;

/** A message (mail or SMS) that could not be handed over for delivery; the API answers CodeDeliveryFailureException. */
public class DeliveryFailedException extends RuntimeException {
    private final String medium;

    public DeliveryFailedException(String medium) {
        super("Unable to deliver the message by " + medium + ".", null, false, false);
        this.medium = medium;
    }

    /** {@code email} or {@code SMS}. */
    public String medium() {
        return medium;
    }
}
