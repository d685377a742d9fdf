package io.cognate.it.support;

import java.time.Duration;
import java.util.List;

/**
 * The SMS gateway of the tests: reads the text messages Cognate publishes to its SMS topic on the real Kafka broker,
 * keyed by phone number (each test uses a phone number of its own).
 */
public final class SmsInbox {
    public static final String TOPIC = "cognate.userpool.sms";

    private SmsInbox() {
    }

    /** The {@code n}th message (1-based) sent to the number, waiting up to 15 s for it. */
    public static UserEvents.Event awaitMessage(String phoneNumber, int n) {
        List<UserEvents.Event> messages = UserEvents.awaitKey(TOPIC, phoneNumber, found -> found.size() >= n,
                Duration.ofSeconds(15));
        if (messages.size() < n) {
            throw new AssertionError("only " + messages.size() + " SMS to " + phoneNumber + ", waited for " + n);
        }
        return messages.get(n - 1);
    }

    /** The six-digit code in the {@code n}th message to the number. */
    public static String awaitCode(String phoneNumber, int n) {
        String text = awaitMessage(phoneNumber, n).cloudEvent().path("data").path("message").asText();
        return Mailbox.code(text).orElseThrow(() -> new AssertionError("no code in SMS: " + text));
    }

    /** A phone number no other test uses. */
    public static String uniqueNumber() {
        return "+1555" + String.format("%07d", (System.nanoTime() / 1000) % 10_000_000);
    }
}
