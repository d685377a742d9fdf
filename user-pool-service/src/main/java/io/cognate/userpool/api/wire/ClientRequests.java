package io.cognate.userpool.api.wire;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import java.util.List;
import java.util.regex.Pattern;

import io.cognate.userpool.api.Params;
import io.cognate.userpool.model.ClientSettings;
import io.cognate.userpool.service.NewClient;

/**
 * CreateUserPoolClient and UpdateUserPoolClient read against Cognito's model; what a request leaves out returns to
 * Cognito's default. Pinpoint analytics and the propagation of user context data are refused.
 */
public final class ClientRequests {
    static final Pattern CLIENT_NAME = Pattern.compile("[\\w\\s+=,.@-]+");
    private static final Pattern CLIENT_SECRET = Pattern.compile("[\\w+]+");
    private static final List<String> FLOWS = List.of("ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH",
            "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH",
            "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH");
    private static final List<String> UNITS = List.of("seconds", "minutes", "hours", "days");

    private ClientRequests() {
    }

    public static NewClient createUserPoolClient(Params p) {
        String poolId = p.userPoolId();
        String name = p.required("ClientName", 1, 128, CLIENT_NAME);
        boolean generateSecret = p.flag("GenerateSecret");
        String clientSecret = p.optional("ClientSecret", 24, 64, CLIENT_SECRET);
        if (clientSecret != null && generateSecret) {
            throw INVALID_PARAMETER.withMessage("You cannot specify both GenerateSecret as true and provide a "
                    + "ClientSecret value.");
        }
        return new NewClient(poolId, name, settings(p), generateSecret || clientSecret != null, clientSecret);
    }

    public record ClientUpdate(String poolId, String clientId, String name, ClientSettings settings) {
    }

    public static ClientUpdate updateUserPoolClient(Params p) {
        return new ClientUpdate(p.userPoolId(), p.clientId(), p.optional("ClientName", 1, 128, CLIENT_NAME),
                settings(p));
    }

    private static ClientSettings settings(Params p) {
        p.refuse("AnalyticsConfiguration", "Pinpoint analytics (AnalyticsConfiguration)");
        if (p.flag("EnablePropagateAdditionalUserContextData")) {
            throw INVALID_PARAMETER.withMessage("EnablePropagateAdditionalUserContextData is for adaptive "
                    + "authentication, which this deployment does not offer.");
        }
        Params units = p.nested("TokenValidityUnits");
        ClientSettings.TokenUnits tokenUnits = new ClientSettings.TokenUnits(unit(units, "AccessToken", "minutes"),
                unit(units, "IdToken", "minutes"), unit(units, "RefreshToken", "days"));
        List<String> flows = p.enumList("ExplicitAuthFlows", FLOWS);
        String prevent = p.optionalEnum("PreventUserExistenceErrors", List.of("ENABLED", "LEGACY"));
        Boolean revocation = p.optionalBoolean("EnableTokenRevocation");
        Integer sessionValidity = p.optionalInt("AuthSessionValidity", 3, 15);
        return new ClientSettings(validity(p, "RefreshTokenValidity", 30), validity(p, "AccessTokenValidity", 60),
                validity(p, "IdTokenValidity", 60), tokenUnits,
                flows == null || flows.isEmpty() ? List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH",
                        "ALLOW_CUSTOM_AUTH") : flows.stream().distinct().toList(),
                p.stringList("ReadAttributes", 1, 2048), p.stringList("WriteAttributes", 1, 2048),
                prevent == null ? "ENABLED" : prevent, revocation == null || revocation,
                sessionValidity == null ? 3 : sessionValidity, oauth(p), rotation(p.nested("RefreshTokenRotation")));
    }

    /** The OAuth members, stored and answered as given; null when none is given. */
    private static ClientSettings.OAuth oauth(Params p) {
        List<String> providers = p.stringList("SupportedIdentityProviders", 1, 32);
        List<String> callbacks = p.stringList("CallbackURLs", 1, 1024);
        List<String> logouts = p.stringList("LogoutURLs", 1, 1024);
        String defaultRedirect = p.optional("DefaultRedirectURI", 1, 1024);
        List<String> flows = p.enumList("AllowedOAuthFlows", List.of("code", "implicit", "client_credentials"));
        List<String> scopes = p.stringList("AllowedOAuthScopes", 1, 256);
        Boolean allowed = p.optionalBoolean("AllowedOAuthFlowsUserPoolClient");
        if (providers == null && callbacks == null && logouts == null && defaultRedirect == null && flows == null
                && scopes == null && allowed == null) {
            return null;
        }
        return new ClientSettings.OAuth(providers, callbacks, logouts, defaultRedirect, flows, scopes, allowed);
    }

    private static ClientSettings.RefreshTokenRotation rotation(Params rotation) {
        if (rotation == null) {
            return null;
        }
        String feature = rotation.requiredEnum("Feature", List.of("ENABLED", "DISABLED"));
        Integer grace = rotation.optionalInt("RetryGracePeriodSeconds", 0, 60);
        return new ClientSettings.RefreshTokenRotation(feature, grace == null ? 0 : grace);
    }

    private static String unit(Params units, String field, String defaultUnit) {
        String unit = units == null ? null : units.optionalEnum(field, UNITS);
        return unit == null ? defaultUnit : unit;
    }

    private static long validity(Params p, String field, long defaultAmount) {
        Integer amount = p.optionalInt(field, 0, 315360000);
        return amount == null ? defaultAmount : amount;
    }
}
