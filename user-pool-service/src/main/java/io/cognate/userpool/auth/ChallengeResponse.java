package io.cognate.userpool.auth;

import java.util.Map;

/**
 * RespondToAuthChallenge or AdminRespondToAuthChallenge, parsed: the challenge answered (a Cognito challenge name),
 * its Session (null when not given) and the ChallengeResponses.
 */
public record ChallengeResponse(boolean admin, String poolId, String clientId, String challengeName, String session,
        Map<String, String> responses, Map<String, String> clientMetadata) {
}
