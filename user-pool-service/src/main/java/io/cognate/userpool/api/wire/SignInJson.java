package io.cognate.userpool.api.wire;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.Json;
import io.cognate.userpool.auth.SignInOutcome;

/** A sign-in step's outcome as InitiateAuth and RespondToAuthChallenge answer it. */
public final class SignInJson {
    private SignInJson() {
    }

    public static ObjectNode write(SignInOutcome outcome) {
        ObjectNode response = Json.object();
        if (outcome instanceof SignInOutcome.Tokens tokens) {
            response.putObject("ChallengeParameters");
            response.set("AuthenticationResult", authenticationResult(tokens));
        } else if (outcome instanceof SignInOutcome.Challenge challenge) {
            response.put("ChallengeName", challenge.name()).put("Session", challenge.session());
            ObjectNode parameters = response.putObject("ChallengeParameters");
            challenge.parameters().forEach((name, value) -> parameters.put(name, parameterText(value)));
        } else {
            throw new IllegalStateException("a hosted sign-in's outcome reached the API");
        }
        return response;
    }

    /** A challenge parameter's text: a list or map as JSON, as Cognito sends MFAS_CAN_CHOOSE or userAttributes. */
    public static String parameterText(Object value) {
        return value instanceof String text ? text
                : Json.write(value instanceof List<?> list ? Json.MAPPER.valueToTree(list)
                        : Json.MAPPER.valueToTree((Map<?, ?>) value));
    }

    /** AuthenticationResultType: the tokens (a refresh token when new) and a new device's metadata. */
    public static ObjectNode authenticationResult(SignInOutcome.Tokens tokens) {
        ObjectNode result = Json.object().put("AccessToken", tokens.accessToken()).put("ExpiresIn", tokens.expiresIn())
                .put("TokenType", "Bearer");
        if (tokens.refreshToken() != null) {
            result.put("RefreshToken", tokens.refreshToken());
        }
        result.put("IdToken", tokens.idToken());
        if (tokens.newDevice() != null) {
            result.putObject("NewDeviceMetadata").put("DeviceKey", tokens.newDevice().deviceKey())
                    .put("DeviceGroupKey", tokens.newDevice().deviceGroupKey());
        }
        return result;
    }

    /** The first answer of USER_SRP_AUTH, which a name no user has gets too (a decoy): held to the refusal floor. */
    public static boolean isSrpChallenge(SignInOutcome outcome) {
        return outcome instanceof SignInOutcome.Challenge challenge && "PASSWORD_VERIFIER".equals(challenge.name());
    }
}
