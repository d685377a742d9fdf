package io.cognate.identitypool.service;

import static io.cognate.identitypool.error.IdentityError.INVALID_IDENTITY_POOL_CONFIGURATION;
import static io.cognate.identitypool.error.IdentityError.NOT_AUTHORIZED;

import java.util.Collection;
import java.util.List;

import io.cognate.identitypool.logins.VerifiedLogin;
import io.cognate.identitypool.model.IdentityPool;

/**
 * Which role an identity's credentials assume, as Cognito picks it: the pool's unauthenticated role for a guest; for
 * a login, its provider's role mapping ({@code Token}: {@code cognito:preferred_role}, or the requested
 * {@code CustomRoleArn} when {@code cognito:roles} holds it; {@code Rules}: the first rule that matches), the
 * mapping's {@code AmbiguousRoleResolution} when neither decides, and the pool's authenticated role otherwise.
 */
final class RoleResolution {
    private RoleResolution() {
    }

    static String unauthenticated(IdentityPool pool) {
        return configured(pool.unauthenticatedRole());
    }

    static String authenticated(IdentityPool pool, List<VerifiedLogin> logins, String customRoleArn) {
        for (VerifiedLogin login : logins) {
            IdentityPool.RoleMapping mapping = mappingOf(pool, login);
            if (mapping == null) {
                continue;
            }
            String role = mapping.type().equals("Token") ? byToken(login, customRoleArn) : byRules(mapping, login);
            if (role != null) {
                return role;
            }
            if ("Deny".equals(mapping.ambiguousRoleResolution())) {
                throw NOT_AUTHORIZED.withMessage("Ambiguous role mapping rules for: %s", login.provider());
            }
        }
        if (customRoleArn != null && logins.stream().noneMatch(l -> mappingOf(pool, l) != null)) {
            throw NOT_AUTHORIZED.withMessage("CustomRoleArn can only be used with a Token role mapping.");
        }
        return configured(pool.authenticatedRole());
    }

    private static IdentityPool.RoleMapping mappingOf(IdentityPool pool, VerifiedLogin login) {
        String clientId = login.audiences().stream().findFirst().orElse(null);
        IdentityPool.RoleMapping mapping = clientId == null ? null
                : pool.roleMappings().get(login.provider() + ":" + clientId);
        return mapping != null ? mapping : pool.roleMappings().get(login.provider());
    }

    private static String byToken(VerifiedLogin login, String customRoleArn) {
        List<String> roles = strings(login.claims().get("cognito:roles"));
        if (customRoleArn != null) {
            if (!roles.contains(customRoleArn)) {
                throw NOT_AUTHORIZED.withMessage("The role %s is not one of the roles the token grants.",
                        customRoleArn);
            }
            return customRoleArn;
        }
        Object preferred = login.claims().get("cognito:preferred_role");
        return preferred == null ? null : preferred.toString();
    }

    private static String byRules(IdentityPool.RoleMapping mapping, VerifiedLogin login) {
        for (IdentityPool.MappingRule rule : mapping.rules()) {
            Object claim = login.claims().get(rule.claim());
            if (claim == null) {
                // Cognito: a rule on a claim the token lacks does not match, NotEqual included.
                continue;
            }
            List<String> values = strings(claim);
            boolean match = switch (rule.matchType()) {
                case "Equals" -> values.contains(rule.value());
                case "Contains" -> values.stream().anyMatch(v -> v.contains(rule.value()));
                case "StartsWith" -> values.stream().anyMatch(v -> v.startsWith(rule.value()));
                default -> !values.contains(rule.value());
            };
            if (match) {
                return rule.roleArn();
            }
        }
        return null;
    }

    private static List<String> strings(Object claim) {
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(claim.toString());
    }

    private static String configured(String role) {
        if (role == null) {
            throw INVALID_IDENTITY_POOL_CONFIGURATION.withMessage(
                    "Invalid identity pool configuration. Check assigned IAM roles for this pool.");
        }
        return role;
    }
}
