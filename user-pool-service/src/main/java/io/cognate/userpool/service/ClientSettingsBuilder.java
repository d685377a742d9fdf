package io.cognate.userpool.service;

import static io.cognate.userpool.api.CognitoError.INVALID_PARAMETER;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Json;
import io.cognate.userpool.api.Params;

/** Turns CreateUserPoolClient / UpdateUserPoolClient input into the client's stored settings, as Cognito does. */
final class ClientSettingsBuilder {
    static final Pattern CLIENT_NAME = Pattern.compile("[\\w\\s+=,.@-]+");
    private static final Set<String> NEW_FLOWS = Set.of("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH",
            "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH");
    private static final Set<String> LEGACY_FLOWS = Set.of("ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY",
            "USER_PASSWORD_AUTH");
    private static final List<String> UNITS = List.of("seconds", "minutes", "hours", "days");
    /** Stored as given; the OAuth endpoints that use them come with the hosted UI. */
    private static final List<String> PASSTHROUGH = List.of("SupportedIdentityProviders", "CallbackURLs", "LogoutURLs",
            "DefaultRedirectURI", "AllowedOAuthFlows", "AllowedOAuthScopes", "AllowedOAuthFlowsUserPoolClient",
            "AnalyticsConfiguration", "EnablePropagateAdditionalUserContextData");

    private ClientSettingsBuilder() {
    }

    /** The settings; as in Cognito, an update resets what it leaves out to the default. */
    static ObjectNode build(Params request, UserPool pool) {
        ObjectNode settings = Json.object();
        tokenValidity(request, settings);
        settings.set("ExplicitAuthFlows", Json.strings(authFlows(request)));
        for (String field : List.of("ReadAttributes", "WriteAttributes")) {
            List<String> attributes = request.stringList(field);
            if (attributes != null) {
                for (String attribute : attributes) {
                    if (!pool.schema().containsKey(attribute)) {
                        throw INVALID_PARAMETER.withMessage("Invalid %s specified while creating a client: %s",
                                field.equals("ReadAttributes") ? "read attributes" : "write attributes", attribute);
                    }
                }
                settings.set(field, Json.strings(attributes));
            }
        }
        String prevent = request.optionalEnum("PreventUserExistenceErrors", List.of("ENABLED", "LEGACY"));
        settings.put("PreventUserExistenceErrors", prevent == null ? "ENABLED" : prevent);
        Boolean revocation = request.optionalBoolean("EnableTokenRevocation");
        settings.put("EnableTokenRevocation", revocation == null || revocation);
        Integer sessionValidity = request.optionalInt("AuthSessionValidity", 3, 15);
        settings.put("AuthSessionValidity", sessionValidity == null ? 3 : sessionValidity);
        for (String field : PASSTHROUGH) {
            if (request.has(field)) {
                settings.set(field, request.node().get(field));
            }
        }
        return settings;
    }

    private static List<String> authFlows(Params request) {
        List<String> flows = request.stringList("ExplicitAuthFlows");
        if (flows == null || flows.isEmpty()) {
            return List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH");
        }
        boolean legacy = false;
        boolean modern = false;
        for (String flow : flows) {
            legacy |= LEGACY_FLOWS.contains(flow);
            modern |= NEW_FLOWS.contains(flow);
            if (!LEGACY_FLOWS.contains(flow) && !NEW_FLOWS.contains(flow)) {
                throw INVALID_PARAMETER.withMessage("1 validation error detected: Value at 'explicitAuthFlows' failed "
                        + "to satisfy constraint: Member must satisfy enum value set: %s", NEW_FLOWS);
            }
        }
        if (legacy && modern) {
            throw INVALID_PARAMETER.withMessage("ExplicitAuthFlows cannot mix the legacy values with the ALLOW_ values.");
        }
        return flows.stream().distinct().toList();
    }

    private static void tokenValidity(Params request, ObjectNode settings) {
        Params units = request.nested("TokenValidityUnits");
        String accessUnit = unit(units, "AccessToken", "minutes");
        String idUnit = unit(units, "IdToken", "minutes");
        String refreshUnit = unit(units, "RefreshToken", "days");
        long access = validity(request, "AccessTokenValidity", 60, accessUnit, Duration.ofMinutes(5), Duration.ofDays(1));
        long id = validity(request, "IdTokenValidity", 60, idUnit, Duration.ofMinutes(5), Duration.ofDays(1));
        long refresh = validity(request, "RefreshTokenValidity", 30, refreshUnit, Duration.ofMinutes(60),
                Duration.ofDays(3650));
        settings.put("RefreshTokenValidity", refresh).put("AccessTokenValidity", access).put("IdTokenValidity", id);
        settings.putObject("TokenValidityUnits").put("AccessToken", accessUnit).put("IdToken", idUnit)
                .put("RefreshToken", refreshUnit);
    }

    private static String unit(Params units, String field, String defaultUnit) {
        String unit = units == null ? null : units.optionalEnum(field, UNITS);
        return unit == null ? defaultUnit : unit;
    }

    private static long validity(Params request, String field, long defaultAmount, String unit, Duration min,
            Duration max) {
        Integer amount = request.optionalInt(field, 0, 315360000);
        long value = amount == null ? defaultAmount : amount;
        Duration duration = AppClient.toDuration(value, unit);
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            throw INVALID_PARAMETER.withMessage("Invalid range for token validity: %s must be between %s and %s.", field,
                    min, max);
        }
        return value;
    }
}
