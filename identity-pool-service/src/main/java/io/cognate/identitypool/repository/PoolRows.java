package io.cognate.identitypool.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.identitypool.model.IdentityPool;

/** An identity pool between its row (the structured settings as JSON text) and its typed form. */
public final class PoolRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PoolRows() {
    }

    public static IdentityPool pool(IdentityPoolEntity row) {
        List<IdentityPool.CognitoProvider> cognito = new ArrayList<>();
        read(row.cognitoProviders).forEach(p -> cognito.add(new IdentityPool.CognitoProvider(
                p.path("ProviderName").asText(), p.path("ClientId").asText(), p.path("ServerSideTokenCheck")
                        .asBoolean(false))));
        Map<String, IdentityPool.RoleMapping> mappings = new LinkedHashMap<>();
        read(row.roleMappings).fields().forEachRemaining(e -> {
            List<IdentityPool.MappingRule> rules = new ArrayList<>();
            e.getValue().path("Rules").forEach(r -> rules.add(new IdentityPool.MappingRule(r.path("Claim").asText(),
                    r.path("MatchType").asText(), r.path("Value").asText(), r.path("RoleARN").asText())));
            mappings.put(e.getKey(), new IdentityPool.RoleMapping(e.getValue().path("Type").asText(),
                    text(e.getValue(), "AmbiguousRoleResolution"), List.copyOf(rules)));
        });
        Map<String, IdentityPool.PrincipalTagMap> tags = new LinkedHashMap<>();
        read(row.principalTags).fields().forEachRemaining(e -> tags.put(e.getKey(), new IdentityPool.PrincipalTagMap(
                e.getValue().path("UseDefaults").asBoolean(false), strings(e.getValue().path("PrincipalTags")))));
        return new IdentityPool(row.id, row.name, row.allowUnauthenticated, row.allowClassicFlow,
                row.developerProviderName, strings(read(row.supportedLoginProviders)), List.copyOf(cognito),
                list(read(row.openIdConnectProviders)), list(read(row.samlProviders)), strings(read(row.tags)),
                strings(read(row.roles)), mappings, tags, row.createdAt);
    }

    /** Writes every setting of {@code pool} but its id and creation time into {@code row}. */
    public static void write(IdentityPool pool, IdentityPoolEntity row) {
        row.name = pool.name();
        row.allowUnauthenticated = pool.allowUnauthenticated();
        row.allowClassicFlow = pool.allowClassicFlow();
        row.developerProviderName = pool.developerProviderName();
        row.supportedLoginProviders = JSON.valueToTree(pool.supportedLoginProviders()).toString();
        ArrayNode cognito = JSON.createArrayNode();
        pool.cognitoProviders().forEach(p -> cognito.addObject().put("ProviderName", p.providerName())
                .put("ClientId", p.clientId()).put("ServerSideTokenCheck", p.serverSideTokenCheck()));
        row.cognitoProviders = cognito.toString();
        row.openIdConnectProviders = JSON.valueToTree(pool.openIdConnectProviderArns()).toString();
        row.samlProviders = JSON.valueToTree(pool.samlProviderArns()).toString();
        row.tags = JSON.valueToTree(pool.tags()).toString();
        row.roles = JSON.valueToTree(pool.roles()).toString();
        ObjectNode mappings = JSON.createObjectNode();
        pool.roleMappings().forEach((provider, mapping) -> {
            ObjectNode node = mappings.putObject(provider).put("Type", mapping.type());
            if (mapping.ambiguousRoleResolution() != null) {
                node.put("AmbiguousRoleResolution", mapping.ambiguousRoleResolution());
            }
            ArrayNode rules = node.putArray("Rules");
            mapping.rules().forEach(r -> rules.addObject().put("Claim", r.claim()).put("MatchType", r.matchType())
                    .put("Value", r.value()).put("RoleARN", r.roleArn()));
        });
        row.roleMappings = mappings.toString();
        ObjectNode tags = JSON.createObjectNode();
        pool.principalTags().forEach((provider, map) -> tags.putObject(provider).put("UseDefaults", map.useDefaults())
                .set("PrincipalTags", JSON.valueToTree(map.principalTags())));
        row.principalTags = tags.toString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("stored identity pool setting is unreadable", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static List<String> list(JsonNode node) {
        List<String> list = new ArrayList<>();
        node.forEach(v -> list.add(v.asText()));
        return List.copyOf(list);
    }
}
