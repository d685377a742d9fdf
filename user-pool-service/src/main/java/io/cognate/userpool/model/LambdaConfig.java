package io.cognate.userpool.model;

/**
 * A pool's LambdaConfig: the function ARN of each trigger it runs (null: none). PreTokenGeneration's version is that
 * of PreTokenGenerationConfig, V1_0 when only the older PreTokenGeneration member configured it. The custom senders
 * (whose only version is V1_0) send the codes that Cognate would mail or text, encrypted under {@code kmsKeyId}.
 */
public record LambdaConfig(String preSignUp, String postConfirmation, String preAuthentication,
        String postAuthentication, String preTokenGeneration, String preTokenGenerationVersion,
        String defineAuthChallenge, String createAuthChallenge, String verifyAuthChallengeResponse,
        String customMessage, String userMigration, String customSmsSender, String customEmailSender,
        String kmsKeyId, String inboundFederation) {

    public static final LambdaConfig NONE = new LambdaConfig(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null);

    /** The custom sender of text messages ({@code sms}) or of mail: its function ARN, or null where the pool has none. */
    public String customSender(boolean sms) {
        return sms ? customSmsSender : customEmailSender;
    }
}
