package io.cognate.userpool.model;

/**
 * A pool's LambdaConfig: the function ARN of each trigger it runs (null: none). PreTokenGeneration's version is that
 * of PreTokenGenerationConfig, V1_0 when only the older PreTokenGeneration member configured it.
 */
public record LambdaConfig(String preSignUp, String postConfirmation, String preAuthentication,
        String postAuthentication, String preTokenGeneration, String preTokenGenerationVersion,
        String defineAuthChallenge, String createAuthChallenge, String verifyAuthChallengeResponse,
        String customMessage, String userMigration) {

    public static final LambdaConfig NONE = new LambdaConfig(null, null, null, null, null, null, null, null, null,
            null, null);
}
