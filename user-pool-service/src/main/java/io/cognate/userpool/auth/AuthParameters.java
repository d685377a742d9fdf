package io.cognate.userpool.auth;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import java.util.Map;

/** Required entries of AuthParameters / ChallengeResponses, refused as Cognito words it when missing. */
final class AuthParameters {
    private AuthParameters() {
    }

    static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw INVALID_PARAMETER.withMessage("Missing required parameter %s", name);
        }
        return value;
    }
}
