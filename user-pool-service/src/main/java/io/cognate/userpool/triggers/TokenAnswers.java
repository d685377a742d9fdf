package io.cognate.userpool.triggers;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A PreTokenGeneration handler's response, read as Cognito reads it. V1 ({@code claimsOverrideDetails}) changes the
 * ID token's claims, with string values only; V2 ({@code claimsAndScopeOverrideDetails}) changes both tokens' claims,
 * with any JSON value, and the access token's scopes. Both may override the groups and roles. A member of the wrong
 * type makes the whole answer unreadable.
 */
final class TokenAnswers {
    private TokenAnswers() {
    }

    static TokenCustomization v1(JsonNode details) {
        if (absent(details)) {
            return TokenCustomization.NONE;
        }
        requireObject(details);
        JsonNode claims = details.get("claimsToAddOrOverride");
        if (!absent(claims)) {
            requireObject(claims);
            claims.fields().forEachRemaining(claim -> {
                if (!claim.getValue().isTextual()) {
                    throw TriggerException.unrecognizable();
                }
            });
        }
        Groups groups = groups(details.get("groupOverrideDetails"));
        return new TokenCustomization(absent(claims) ? "" : claims.toString(),
                strings(details.get("claimsToSuppress")), "", List.of(), List.of(), List.of(), groups.groups(),
                groups.roles(), groups.preferredRole());
    }

    static TokenCustomization v2(JsonNode details) {
        if (absent(details)) {
            return TokenCustomization.NONE;
        }
        requireObject(details);
        JsonNode id = details.get("idTokenGeneration");
        JsonNode access = details.get("accessTokenGeneration");
        for (JsonNode generation : new JsonNode[] { id, access }) {
            if (!absent(generation)) {
                requireObject(generation);
            }
        }
        Groups groups = groups(details.get("groupOverrideDetails"));
        return new TokenCustomization(claims(id), suppressed(id), claims(access), suppressed(access),
                absent(access) ? List.of() : strings(access.get("scopesToAdd")),
                absent(access) ? List.of() : strings(access.get("scopesToSuppress")), groups.groups(), groups.roles(),
                groups.preferredRole());
    }

    private record Groups(List<String> groups, List<String> roles, String preferredRole) {
    }

    private static Groups groups(JsonNode details) {
        if (absent(details)) {
            return new Groups(null, null, null);
        }
        requireObject(details);
        JsonNode groups = details.get("groupsToOverride");
        JsonNode roles = details.get("iamRolesToOverride");
        JsonNode preferred = details.get("preferredRole");
        if (!absent(preferred) && !preferred.isTextual()) {
            throw TriggerException.unrecognizable();
        }
        return new Groups(absent(groups) ? null : strings(groups), absent(roles) ? null : strings(roles),
                absent(preferred) ? null : preferred.textValue());
    }

    private static String claims(JsonNode generation) {
        JsonNode claims = absent(generation) ? null : generation.get("claimsToAddOrOverride");
        if (absent(claims)) {
            return "";
        }
        requireObject(claims);
        return claims.toString();
    }

    private static List<String> suppressed(JsonNode generation) {
        return absent(generation) ? List.of() : strings(generation.get("claimsToSuppress"));
    }

    private static List<String> strings(JsonNode array) {
        if (absent(array)) {
            return List.of();
        }
        if (!array.isArray()) {
            throw TriggerException.unrecognizable();
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                throw TriggerException.unrecognizable();
            }
            strings.add(item.textValue());
        }
        return strings;
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static void requireObject(JsonNode node) {
        if (!node.isObject()) {
            throw TriggerException.unrecognizable();
        }
    }
}
