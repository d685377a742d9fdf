package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.INVALID_OAUTH_FLOW;
import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.error.CognitoError.SCOPE_DOES_NOT_EXIST;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.cognate.userpool.model.ClientSettings;

/** Cognito's rules for an app client's settings, checked against its pool. */
final class ClientRules {
    private static final Set<String> LEGACY_FLOWS = Set.of("ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY",
            "USER_PASSWORD_AUTH");

    /** The scopes every pool has; any other is {@code <resource server>/<scope>}. */
    static final Set<String> STANDARD_SCOPES = Set.of("openid", "email", "phone", "profile",
            "aws.cognito.signin.user.admin");
    /** The hosts where http is allowed: a browser's or an IdP's own machine. */
    static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private ClientRules() {
    }

    /**
     * The OAuth members: the flows (client_credentials alone, and only for a client with a secret), scopes that exist
     * in the pool, redirect and sign-out URLs (absolute, no fragment, https except on the loopback), the default
     * redirect among the callbacks, and identity providers the pool has (COGNITO, the pool's own users, or one of its
     * external providers).
     */
    static void checkOAuth(ClientSettings.OAuth oauth, boolean hasSecret, Collection<String> customScopes,
            Collection<String> providers, String poolId) {
        if (oauth == null) {
            return;
        }
        List<String> flows = orEmpty(oauth.allowedOAuthFlows());
        List<String> scopes = orEmpty(oauth.allowedOAuthScopes());
        if (Boolean.TRUE.equals(oauth.allowedOAuthFlowsUserPoolClient()) && (flows.isEmpty() || scopes.isEmpty())) {
            throw INVALID_PARAMETER.withMessage("AllowedOAuthFlows and AllowedOAuthScopes are required if user pool "
                    + "client is allowed to use OAuth flows.");
        }
        boolean clientCredentials = flows.contains("client_credentials");
        if (clientCredentials && flows.size() > 1) {
            throw INVALID_OAUTH_FLOW.withMessage("client_credentials flow can not be selected along with code flow or "
                    + "implicit flow.");
        }
        if (clientCredentials && !hasSecret) {
            throw INVALID_OAUTH_FLOW.withMessage("client_credentials flow can not be selected if client does not have "
                    + "a client secret.");
        }
        for (String scope : scopes) {
            boolean standard = STANDARD_SCOPES.contains(scope);
            if (!standard && !customScopes.contains(scope)) {
                throw SCOPE_DOES_NOT_EXIST.withMessage("Invalid scope requested: %s", scope);
            }
            if (standard && clientCredentials) {
                throw INVALID_OAUTH_FLOW.withMessage("%s is not supported with client_credentials flow", scope);
            }
        }
        if (!flows.isEmpty() && !clientCredentials && orEmpty(oauth.callbackUrls()).isEmpty()) {
            throw INVALID_OAUTH_FLOW.withMessage("CallbackUrls can not be empty when code flow or implicit flow is "
                    + "selected");
        }
        orEmpty(oauth.callbackUrls()).forEach(ClientRules::checkUrl);
        orEmpty(oauth.logoutUrls()).forEach(ClientRules::checkUrl);
        if (oauth.defaultRedirectUri() != null && !orEmpty(oauth.callbackUrls()).contains(oauth.defaultRedirectUri())) {
            throw INVALID_PARAMETER.withMessage("DefaultRedirectURI %s must be one of the CallbackURLs.",
                    oauth.defaultRedirectUri());
        }
        for (String provider : orEmpty(oauth.supportedIdentityProviders())) {
            if (!"COGNITO".equals(provider) && !providers.contains(provider)) {
                throw INVALID_PARAMETER.withMessage("The provider %s does not exist for User Pool %s", provider, poolId);
            }
        }
    }

    /**
     * A redirect or sign-out URL: absolute, without a fragment; https, or http on the loopback (localhost, 127.0.0.1,
     * [::1], any port); an app's own scheme (myapp://callback) too.
     */
    static void checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw INVALID_PARAMETER.withMessage("%s is not a valid URL.", url);
        }
        if (!uri.isAbsolute() || uri.getRawFragment() != null) {
            throw INVALID_PARAMETER.withMessage("%s must be an absolute URL without a fragment.", url);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if ("http".equals(scheme) && !LOOPBACK_HOSTS.contains(host)) {
            throw INVALID_PARAMETER.withMessage("%s cannot use the HTTP protocol.", url);
        }
        if ("https".equals(scheme) && host.isEmpty()) {
            throw INVALID_PARAMETER.withMessage("%s must name a host.", url);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
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
