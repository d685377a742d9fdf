package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.cognate.userpool.model.ClientSettings;

/** Cognito's rules for an app client's settings, checked against its pool. */
final class ClientRules {
    private static final Set<String> LEGACY_FLOWS = Set.of("ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY",
            "USER_PASSWORD_AUTH");

    private ClientRules() {
    }

    static void check(ClientSettings settings, UserPool pool) {
        checkAttributes(settings.readAttributes(), pool, "read attributes");
        checkAttributes(settings.writeAttributes(), pool, "write attributes");
        List<String> flows = settings.explicitAuthFlows();
        if (flows.stream().anyMatch(LEGACY_FLOWS::contains) && flows.stream().anyMatch(f -> f.startsWith("ALLOW_"))) {
            throw INVALID_PARAMETER.withMessage("ExplicitAuthFlows cannot mix the legacy values with the ALLOW_ values.");
        }
        ClientSettings.TokenUnits units = settings.units();
        checkValidity("AccessTokenValidity", settings.accessTokenValidity(), units.accessToken(), Duration.ofMinutes(5),
                Duration.ofDays(1));
        checkValidity("IdTokenValidity", settings.idTokenValidity(), units.idToken(), Duration.ofMinutes(5),
                Duration.ofDays(1));
        checkValidity("RefreshTokenValidity", settings.refreshTokenValidity(), units.refreshToken(),
                Duration.ofMinutes(60), Duration.ofDays(3650));
    }

    private static void checkAttributes(List<String> attributes, UserPool pool, String what) {
        if (attributes == null) {
            return;
        }
        for (String attribute : attributes) {
            if (!pool.schema().containsKey(attribute)) {
                throw INVALID_PARAMETER.withMessage("Invalid %s specified while creating a client: %s", what, attribute);
            }
        }
    }

    private static void checkValidity(String field, long amount, String unit, Duration min, Duration max) {
        Duration duration = AppClient.toDuration(amount, unit);
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            throw INVALID_PARAMETER.withMessage("Invalid range for token validity: %s must be between %s and %s.", field,
                    min, max);
        }
    }
}
