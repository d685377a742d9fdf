package io.cognate.userpool.repository;

import static io.cognate.userpool.repository.StoredJson.bool;
import static io.cognate.userpool.repository.StoredJson.list;
import static io.cognate.userpool.repository.StoredJson.put;
import static io.cognate.userpool.repository.StoredJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.model.ClientSettings;

/** An app client's settings as stored: Cognito's UserPoolClientType members, as DescribeUserPoolClient answers them. */
public final class ClientSettingsJson {
    private ClientSettingsJson() {
    }

    public static ClientSettings read(String json) {
        JsonNode node = StoredJson.parse(json);
        JsonNode units = node.path("TokenValidityUnits");
        boolean oauth = node.has("SupportedIdentityProviders") || node.has("CallbackURLs") || node.has("LogoutURLs")
                || node.has("DefaultRedirectURI") || node.has("AllowedOAuthFlows") || node.has("AllowedOAuthScopes")
                || node.has("AllowedOAuthFlowsUserPoolClient");
        return new ClientSettings(node.path("RefreshTokenValidity").asLong(30), node.path("AccessTokenValidity").asLong(60),
                node.path("IdTokenValidity").asLong(60),
                new ClientSettings.TokenUnits(units.path("AccessToken").asText("minutes"),
                        units.path("IdToken").asText("minutes"), units.path("RefreshToken").asText("days")),
                list(node, "ExplicitAuthFlows") == null ? java.util.List.of() : list(node, "ExplicitAuthFlows"),
                list(node, "ReadAttributes"), list(node, "WriteAttributes"),
                node.path("PreventUserExistenceErrors").asText("ENABLED"),
                node.path("EnableTokenRevocation").asBoolean(true), node.path("AuthSessionValidity").asInt(3),
                oauth ? new ClientSettings.OAuth(list(node, "SupportedIdentityProviders"), list(node, "CallbackURLs"),
                        list(node, "LogoutURLs"), text(node, "DefaultRedirectURI"), list(node, "AllowedOAuthFlows"),
                        list(node, "AllowedOAuthScopes"), bool(node, "AllowedOAuthFlowsUserPoolClient")) : null,
                node.has("RefreshTokenRotation") ? new ClientSettings.RefreshTokenRotation(
                        node.path("RefreshTokenRotation").path("Feature").asText(),
                        node.path("RefreshTokenRotation").path("RetryGracePeriodSeconds").asInt(0)) : null);
    }

    public static ObjectNode write(ClientSettings settings) {
        ObjectNode node = StoredJson.object().put("RefreshTokenValidity", settings.refreshTokenValidity())
                .put("AccessTokenValidity", settings.accessTokenValidity())
                .put("IdTokenValidity", settings.idTokenValidity());
        node.putObject("TokenValidityUnits").put("AccessToken", settings.units().accessToken())
                .put("IdToken", settings.units().idToken()).put("RefreshToken", settings.units().refreshToken());
        put(node, "ExplicitAuthFlows", settings.explicitAuthFlows());
        put(node, "ReadAttributes", settings.readAttributes());
        put(node, "WriteAttributes", settings.writeAttributes());
        node.put("PreventUserExistenceErrors", settings.preventUserExistenceErrors())
                .put("EnableTokenRevocation", settings.enableTokenRevocation())
                .put("AuthSessionValidity", settings.authSessionValidity());
        ClientSettings.OAuth oauth = settings.oauth();
        if (oauth != null) {
            put(node, "SupportedIdentityProviders", oauth.supportedIdentityProviders());
            put(node, "CallbackURLs", oauth.callbackUrls());
            put(node, "LogoutURLs", oauth.logoutUrls());
            put(node, "DefaultRedirectURI", oauth.defaultRedirectUri());
            put(node, "AllowedOAuthFlows", oauth.allowedOAuthFlows());
            put(node, "AllowedOAuthScopes", oauth.allowedOAuthScopes());
            put(node, "AllowedOAuthFlowsUserPoolClient", oauth.allowedOAuthFlowsUserPoolClient());
        }
        ClientSettings.RefreshTokenRotation rotation = settings.refreshTokenRotation();
        if (rotation != null) {
            node.putObject("RefreshTokenRotation").put("Feature", rotation.feature())
                    .put("RetryGracePeriodSeconds", rotation.retryGracePeriodSeconds());
        }
        return node;
    }

    /**
     * As DescribeUserPoolClient answers: a client that never set AllowedOAuthFlowsUserPoolClient shows false, and
     * one that never set RefreshTokenRotation shows it DISABLED.
     */
    public static ObjectNode describe(ClientSettings settings) {
        ObjectNode node = write(settings);
        if (!node.has("AllowedOAuthFlowsUserPoolClient")) {
            node.put("AllowedOAuthFlowsUserPoolClient", false);
        }
        if (settings.refreshTokenRotation() == null) {
            node.putObject("RefreshTokenRotation").put("Feature", "DISABLED").put("RetryGracePeriodSeconds", 0);
        }
        return node;
    }
}
