package io.cognate.userpool.triggers;

/**
 * One challenge of a custom authentication and how it went, as the triggers' {@code session} lists them:
 * CUSTOM_CHALLENGE, SRP_A or PASSWORD_VERIFIER; the metadata CreateAuthChallenge gave it (null: none).
 */
public record ChallengeRound(String challengeName, boolean result, String metadata) {
}
