package io.cognate.userpool.triggers;

/** A CustomMessage handler's texts, with their placeholders; null where the pool's own template stays. */
public record CustomMessageAnswer(String smsMessage, String emailMessage, String emailSubject) {

    public static final CustomMessageAnswer NONE = new CustomMessageAnswer(null, null, null);
}
