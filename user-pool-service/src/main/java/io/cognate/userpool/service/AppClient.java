package io.cognate.userpool.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Json;
import io.cognate.userpool.repository.AppClientEntity;

/** An app client as the domain sees it: its entity, its settings, and its secret when it has one. */
public final class AppClient {
    private static final Set<String> LEGACY_FLOWS = Set.of("ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY",
            "USER_PASSWORD_AUTH");

    private final AppClientEntity entity;
    private final ObjectNode settings;
    private final String secret;

    public AppClient(AppClientEntity entity, String secret) {
        this.entity = entity;
        this.settings = Json.parseObject(entity.settings);
        this.secret = secret;
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

    public ObjectNode settings() {
        return settings;
    }

    /** The client secret, or null for a public client. */
    public String secret() {
        return secret;
    }

    /** Whether an auth flow is enabled, counting the legacy names (with which SRP and refresh are always on). */
    public boolean allows(String authFlow) {
        List<String> flows = explicitAuthFlows();
        boolean legacy = flows.stream().anyMatch(LEGACY_FLOWS::contains);
        return switch (authFlow) {
            case "USER_SRP_AUTH" -> legacy || flows.contains("ALLOW_USER_SRP_AUTH");
            case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> legacy || flows.contains("ALLOW_REFRESH_TOKEN_AUTH");
            case "USER_PASSWORD_AUTH" -> flows.contains("ALLOW_USER_PASSWORD_AUTH") || flows.contains("USER_PASSWORD_AUTH");
            case "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH" -> flows.contains("ALLOW_ADMIN_USER_PASSWORD_AUTH")
                    || flows.contains("ADMIN_NO_SRP_AUTH");
            default -> false;
        };
    }

    public List<String> explicitAuthFlows() {
        return strings("ExplicitAuthFlows");
    }

    /** Attributes this client may read; empty means all. */
    public List<String> readAttributes() {
        return strings("ReadAttributes");
    }

    /** Attributes this client may write; empty means all mutable ones. */
    public List<String> writeAttributes() {
        return strings("WriteAttributes");
    }

    public boolean preventUserExistenceErrors() {
        return "ENABLED".equals(settings.path("PreventUserExistenceErrors").asText("ENABLED"));
    }

    public boolean tokenRevocationEnabled() {
        return settings.path("EnableTokenRevocation").asBoolean(true);
    }

    public Duration accessTokenValidity() {
        return validity("AccessTokenValidity", "AccessToken", 60, "minutes");
    }

    public Duration idTokenValidity() {
        return validity("IdTokenValidity", "IdToken", 60, "minutes");
    }

    public Duration refreshTokenValidity() {
        return validity("RefreshTokenValidity", "RefreshToken", 30, "days");
    }

    private Duration validity(String field, String unitField, long defaultAmount, String defaultUnit) {
        JsonNode amount = settings.get(field);
        String unit = settings.path("TokenValidityUnits").path(unitField).asText(defaultUnit);
        return toDuration(amount == null || amount.isNull() ? defaultAmount : amount.asLong(), unit);
    }

    public static Duration toDuration(long amount, String unit) {
        return switch (unit) {
            case "seconds" -> Duration.ofSeconds(amount);
            case "minutes" -> Duration.ofMinutes(amount);
            case "hours" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private List<String> strings(String field) {
        List<String> values = new ArrayList<>();
        settings.path(field).forEach(v -> values.add(v.asText()));
        return values;
    }
}
