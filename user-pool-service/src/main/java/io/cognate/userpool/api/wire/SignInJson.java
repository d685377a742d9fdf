package io.cognate.userpool.api.wire;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Json;
import io.cognate.userpool.auth.SignInOutcome;

/** A sign-in step's outcome as InitiateAuth and RespondToAuthChallenge answer it. */
public final class SignInJson {
    private SignInJson() {
    }

    public static ObjectNode write(SignInOutcome outcome) {
        ObjectNode response = Json.object();
        if (outcome instanceof SignInOutcome.Tokens tokens) {
            response.putObject("ChallengeParameters");
            ObjectNode result = response.putObject("AuthenticationResult").put("AccessToken", tokens.accessToken())
                    .put("ExpiresIn", tokens.expiresIn()).put("TokenType", "Bearer");
            if (tokens.refreshToken() != null) {
                result.put("RefreshToken", tokens.refreshToken());
            }
            result.put("IdToken", tokens.idToken());
            if (tokens.newDevice() != null) {
                result.putObject("NewDeviceMetadata").put("DeviceKey", tokens.newDevice().deviceKey())
                        .put("DeviceGroupKey", tokens.newDevice().deviceGroupKey());
            }
        } else if (outcome instanceof SignInOutcome.Challenge challenge) {
            response.put("ChallengeName", challenge.name()).put("Session", challenge.session());
            ObjectNode parameters = response.putObject("ChallengeParameters");
            // A list or map parameter travels as JSON text, as Cognito sends MFAS_CAN_CHOOSE or userAttributes.
            challenge.parameters().forEach((name, value) -> parameters.put(name, value instanceof String text ? text
                    : Json.write(value instanceof List<?> list ? Json.MAPPER.valueToTree(list)
                            : Json.MAPPER.valueToTree((Map<?, ?>) value))));
        }
        return response;
    }

    /** The first answer of USER_SRP_AUTH, which a name no user has gets too (a decoy): held to the refusal floor. */
    public static boolean isSrpChallenge(SignInOutcome outcome) {
        return outcome instanceof SignInOutcome.Challenge challenge && "PASSWORD_VERIFIER".equals(challenge.name());
    }
}
