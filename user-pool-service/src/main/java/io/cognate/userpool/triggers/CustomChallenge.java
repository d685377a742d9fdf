package io.cognate.userpool.triggers;

import java.util.Map;

/**
 * What DefineAuthChallenge decided ({@link Next}) and what CreateAuthChallenge made of a challenge ({@link Created}).
 */
public final class CustomChallenge {
    private CustomChallenge() {
    }

    /** Issue tokens, fail the sign-in, or ask {@code challengeName} next. */
    public record Next(String challengeName, boolean issueTokens, boolean failAuthentication) {
    }

    /** The parameters the client sees, those kept for VerifyAuthChallengeResponse, and the round's metadata. */
    public record Created(Map<String, String> publicParameters, Map<String, String> privateParameters,
            String metadata) {
    }
}
