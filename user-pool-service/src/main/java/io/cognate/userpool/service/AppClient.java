package io.cognate.userpool.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cognate.userpool.model.ClientSettings;
import io.cognate.userpool.repository.AppClientEntity;

/**
 * An app client as the domain sees it: its entity, its settings, and its secret when it has one; and, for one call
 * ({@link #calledWith}), the ClientMetadata that call gave for the triggers it runs.
 */
public final class AppClient {
    private static final Set<String> LEGACY_FLOWS = Set.of("ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY",
            "USER_PASSWORD_AUTH");

    private final AppClientEntity entity;
    private final ClientSettings settings;
    private final String secret;
    private final Map<String, String> clientMetadata;

    public AppClient(AppClientEntity entity, String secret) {
        this(entity, entity.settings(), secret, Map.of());
    }

    private AppClient(AppClientEntity entity, ClientSettings settings, String secret,
            Map<String, String> clientMetadata) {
        this.entity = entity;
        this.settings = settings;
        this.secret = secret;
        this.clientMetadata = clientMetadata;
    }

    /**
     * The client as one call sees it, with that call's ClientMetadata: RespondToAuthChallenge's reaches the triggers
     * it runs (PostAuthentication, PreTokenGeneration, the custom challenge ones), GetTokensFromRefreshToken's
     * PreTokenGeneration, as Cognito documents.
     */
    public AppClient calledWith(Map<String, String> clientMetadata) {
        return new AppClient(entity, settings, secret, Map.copyOf(clientMetadata));
    }

    /** The ClientMetadata of the call ({@link #calledWith}); empty otherwise. */
    public Map<String, String> clientMetadata() {
        return clientMetadata;
    }

    public AppClientEntity entity() {
        return entity;
    }

    public String id() {
        return entity.clientId;
    }

    public String poolId() {
        return entity.poolId;
    }

    public ClientSettings settings() {
        return settings;
    }

    /** The client secret, or null for a public client. */
    public String secret() {
        return secret;
    }

    /** Whether an auth flow is enabled, counting the legacy names (with which SRP and refresh are always on). */
    public boolean allows(String authFlow) {
        List<String> flows = settings.explicitAuthFlows();
        boolean legacy = flows.stream().anyMatch(LEGACY_FLOWS::contains);
        return switch (authFlow) {
            case "USER_SRP_AUTH" -> legacy || flows.contains("ALLOW_USER_SRP_AUTH");
            case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> legacy || flows.contains("ALLOW_REFRESH_TOKEN_AUTH");
            case "USER_PASSWORD_AUTH" -> flows.contains("ALLOW_USER_PASSWORD_AUTH") || flows.contains("USER_PASSWORD_AUTH");
            case "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH" -> flows.contains("ALLOW_ADMIN_USER_PASSWORD_AUTH")
                    || flows.contains("ADMIN_NO_SRP_AUTH");
            case "CUSTOM_AUTH" -> flows.contains("ALLOW_CUSTOM_AUTH") || flows.contains("CUSTOM_AUTH_FLOW_ONLY");
            default -> false;
        };
    }

    /** Attributes this client may read; empty means all. */
    public List<String> readAttributes() {
        return settings.readAttributes() == null ? List.of() : settings.readAttributes();
    }

    /** Attributes this client may write; empty means all mutable ones. */
    public List<String> writeAttributes() {
        return settings.writeAttributes() == null ? List.of() : settings.writeAttributes();
    }

    public boolean preventUserExistenceErrors() {
        return "ENABLED".equals(settings.preventUserExistenceErrors());
    }

    public boolean tokenRevocationEnabled() {
        return settings.enableTokenRevocation();
    }

    /** How long a Session of this client's sign-ins lives between steps (AuthSessionValidity). */
    public Duration authSessionValidity() {
        return Duration.ofMinutes(settings.authSessionValidity());
    }

    public Duration accessTokenValidity() {
        return toDuration(settings.accessTokenValidity(), settings.units().accessToken());
    }

    public Duration idTokenValidity() {
        return toDuration(settings.idTokenValidity(), settings.units().idToken());
    }

    public Duration refreshTokenValidity() {
        return toDuration(settings.refreshTokenValidity(), settings.units().refreshToken());
    }

    public static Duration toDuration(long amount, String unit) {
        return switch (unit) {
            case "seconds" -> Duration.ofSeconds(amount);
            case "minutes" -> Duration.ofMinutes(amount);
            case "hours" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
