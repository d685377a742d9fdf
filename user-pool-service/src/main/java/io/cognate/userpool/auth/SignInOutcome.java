package io.cognate.userpool.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a step of sign-in ends in: tokens, or the next challenge with its parameters and sealed Session. A refusal is
 * the step's failure, a {@link io.cognate.userpool.error.Refusal}.
 */
public sealed interface SignInOutcome {

    /**
     * AuthenticationResult: the tokens (no refresh token on a refresh) and, where the pool tracks devices, the new
     * device's key.
     */
    record Tokens(String accessToken, String idToken, String refreshToken, long expiresIn, NewDevice newDevice,
            String originJti)
            implements
                SignInOutcome {

        public Tokens withNewDevice(NewDevice device) {
            return new Tokens(accessToken, idToken, refreshToken, expiresIn, device, originJti);
        }
    }

    /**
     * A hosted sign-in's end: the user proved who they are. The pages get tokens for it separately (IssueTokens), for
     * the client and scopes of the authorization request.
     */
    record Authenticated(String poolId, String sub, String username, long authTime, List<String> amr)
            implements
                SignInOutcome {
    }

    /** NewDeviceMetadata: the device the client should confirm and remember. */
    record NewDevice(String deviceKey, String deviceGroupKey) {
    }

    /**
     * A challenge. A parameter's value is a string, or a list or map of strings (Cognito sends those as JSON text, as
     * the API writes them); parameters keep their order.
     */
    record Challenge(String name, Map<String, Object> parameters, String session) implements SignInOutcome {

        /** The challenge of {@code state}, with USER_ID_FOR_SRP first and then {@code parameters}. */
        static Challenge of(ChallengeState state, String session, Map<String, ?> parameters) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("USER_ID_FOR_SRP", state.username());
            all.putAll(parameters);
            return new Challenge(state.step().challengeName(), all, session);
        }

        static Map<String, Object> parameters(Object... namesAndValues) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                parameters.put((String) namesAndValues[i], namesAndValues[i + 1] instanceof List<?> list
                        ? List.copyOf(list)
                        : namesAndValues[i + 1]);
            }
            return parameters;
        }
    }
}
