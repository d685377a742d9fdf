package io.cognate.identitypool.api.actions;

import static io.cognate.identitypool.error.IdentityError.INVALID_PARAMETER;
import static io.cognate.identitypool.error.IdentityError.LIMIT_EXCEEDED;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.Json;
import io.cognate.identitypool.api.ActionRegistry;
import io.cognate.identitypool.api.Params;
import io.cognate.identitypool.model.IdentityPool;
import io.cognate.identitypool.service.IdentityPools;
import io.cognate.identitypool.service.Logins;

/** Identity pools, their roles, principal tags and resource tags (all signed). */
@ApplicationScoped
public class PoolActions implements ActionRegistry.Group {
    private static final Pattern POOL_NAME = Pattern.compile("[\\w\\s+=,.@-]+");
    private static final Pattern DEVELOPER_PROVIDER = Pattern.compile("[\\w._-]+");
    private static final Pattern PROVIDER_NAME = Pattern.compile("[\\w._:/-]+");
    private static final Pattern CLIENT_ID = Pattern.compile("[\\w_]+");
    private static final Pattern ARN = Pattern.compile("arn:aws:iam::\\d{12}:role/[\\w+=,.@/-]+");
    private static final Pattern POOL_ARN = Pattern.compile("arn:aws:cognito-identity:[\\w-]+:\\d{12}:identitypool/(.+)");

    private final IdentityPools pools;

    public PoolActions(IdentityPools pools) {
        this.pools = pools;
    }

    record Roles(String poolId, Map<String, String> roles, Map<String, IdentityPool.RoleMapping> mappings) {
    }

    record TagMap(String poolId, String provider, IdentityPool.PrincipalTagMap map) {
    }

    record Tagging(String poolId, Map<String, String> tags, List<String> keys) {
    }

    @Override
    public void register(ActionRegistry registry) {
        registry.signed("CreateIdentityPool", p -> settings(p, null), pools::create, PoolActions::poolJson);
        registry.signed("DescribeIdentityPool", Params::identityPoolId, pools::describe, PoolActions::poolJson);
        registry.signed("UpdateIdentityPool", p -> settings(p, p.identityPoolId()), pools::update,
                PoolActions::poolJson);
        registry.signed("DeleteIdentityPool", Params::identityPoolId, pools::delete, Json::empty);
        registry.signed("ListIdentityPools", p -> new Listing(p.requiredInt("MaxResults", 1, 60),
                p.optional("NextToken", 1, 65535)), l -> pools.list(l.max(), l.nextToken()), page -> {
                    ObjectNode node = Json.object();
                    var list = node.putArray("IdentityPools");
                    page.pools().forEach(pool -> list.addObject().put("IdentityPoolId", pool.id())
                            .put("IdentityPoolName", pool.name()));
                    if (page.nextToken() != null) {
                        node.put("NextToken", page.nextToken());
                    }
                    return node;
                });
        registry.signed("SetIdentityPoolRoles", PoolActions::roles,
                r -> pools.setRoles(r.poolId(), r.roles(), r.mappings()), Json::empty);
        registry.signed("GetIdentityPoolRoles", Params::identityPoolId, pools::describe, PoolActions::rolesJson);
        registry.signed("SetPrincipalTagAttributeMap", PoolActions::tagMap,
                t -> pools.setPrincipalTags(t.poolId(), t.provider(), t.map())
                        .map(map -> new TagMap(t.poolId(), t.provider(), map)),
                PoolActions::tagMapJson);
        registry.signed("GetPrincipalTagAttributeMap", p -> new TagMap(p.identityPoolId(),
                p.required("IdentityProviderName", 1, 128), null),
                t -> pools.describe(t.poolId()).map(pool -> new TagMap(
                        t.poolId(), t.provider(), pool.principalTags().getOrDefault(t.provider(),
                                new IdentityPool.PrincipalTagMap(false, Map.of())))),
                PoolActions::tagMapJson);
        registry.signed("TagResource", p -> new Tagging(poolOfArn(p), p.stringMap("Tags"), null),
                t -> pools.retag(t.poolId(), tags -> {
                    tags.putAll(t.tags());
                    return tags;
                }), Json::empty);
        registry.signed("UntagResource", p -> new Tagging(poolOfArn(p), null, p.stringList("TagKeys", 1, 128)),
                t -> pools.retag(t.poolId(), tags -> {
                    t.keys().forEach(tags::remove);
                    return tags;
                }), Json::empty);
        registry.signed("ListTagsForResource", PoolActions::poolOfArn, pools::describe, pool -> {
            ObjectNode node = Json.object();
            ObjectNode tags = node.putObject("Tags");
            pool.tags().forEach(tags::put);
            return node;
        });
    }

    record Listing(int max, String nextToken) {
    }

    private static String poolOfArn(Params p) {
        Matcher arn = POOL_ARN.matcher(p.required("ResourceArn", 20, 2048));
        if (!arn.matches()) {
            throw INVALID_PARAMETER.withMessage(
                    "ResourceArn must be an identity pool's ARN: arn:aws:cognito-identity:<region>:<account>:identitypool/<id>.");
        }
        return arn.group(1);
    }

    private static Roles roles(Params p) {
        String poolId = p.identityPoolId();
        Map<String, String> roles = p.stringMap("Roles");
        roles.forEach((key, arn) -> {
            if (!key.equals("authenticated") && !key.equals("unauthenticated")) {
                throw INVALID_PARAMETER.withMessage(
                        "Roles keys must be 'authenticated' or 'unauthenticated', not '%s'.", key);
            }
            if (!ARN.matcher(arn).matches()) {
                throw INVALID_PARAMETER.withMessage(
                        "%s is not a valid role ARN.", arn);
            }
        });
        Map<String, IdentityPool.RoleMapping> mappings = new LinkedHashMap<>();
        Params mappingNode = p.nested("RoleMappings");
        if (mappingNode != null) {
            for (String provider : mappingNode.names()) {
                Params mapping = mappingNode.nested(provider);
                String type = mapping.requiredEnum("Type", List.of("Token", "Rules"));
                String ambiguous = mapping.optionalEnum("AmbiguousRoleResolution", List.of("AuthenticatedRole", "Deny"));
                Params config = mapping.nested("RulesConfiguration");
                List<IdentityPool.MappingRule> rules = config == null ? List.of()
                        : config.objectList("Rules", 25, rule -> new IdentityPool.MappingRule(
                                rule.required("Claim", 1, 64), rule.requiredEnum("MatchType",
                                        List.of("Equals", "Contains", "StartsWith", "NotEqual")),
                                rule.required("Value", 1, 128), rule.required("RoleARN", 20, 2048, ARN)));
                if (type.equals("Rules") && rules.isEmpty()) {
                    throw INVALID_PARAMETER.withMessage(
                            "RulesConfiguration is required for a role mapping of type Rules.");
                }
                if (ambiguous == null) {
                    throw INVALID_PARAMETER.withMessage(
                            "AmbiguousRoleResolution is required for role mapping of %s.", provider);
                }
                mappings.put(provider, new IdentityPool.RoleMapping(type, ambiguous, rules));
            }
            if (mappings.size() > 10) {
                throw LIMIT_EXCEEDED.withMessage(
                        "An identity pool has at most 10 role mappings.");
            }
        }
        return new Roles(poolId, roles, mappings);
    }

    private static ObjectNode rolesJson(IdentityPool pool) {
        ObjectNode node = Json.object().put("IdentityPoolId", pool.id());
        ObjectNode roles = node.putObject("Roles");
        pool.roles().forEach(roles::put);
        if (!pool.roleMappings().isEmpty()) {
            ObjectNode mappings = node.putObject("RoleMappings");
            pool.roleMappings().forEach((provider, mapping) -> {
                ObjectNode m = mappings.putObject(provider).put("Type", mapping.type());
                if (mapping.ambiguousRoleResolution() != null) {
                    m.put("AmbiguousRoleResolution", mapping.ambiguousRoleResolution());
                }
                if (!mapping.rules().isEmpty()) {
                    var rules = m.putObject("RulesConfiguration").putArray("Rules");
                    mapping.rules().forEach(r -> rules.addObject().put("Claim", r.claim())
                            .put("MatchType", r.matchType()).put("Value", r.value()).put("RoleARN", r.roleArn()));
                }
            });
        }
        return node;
    }

    private static TagMap tagMap(Params p) {
        String poolId = p.identityPoolId();
        String provider = p.required("IdentityProviderName", 1, 128);
        Boolean useDefaults = p.optionalBoolean("UseDefaults");
        Map<String, String> tags = p.stringMap("PrincipalTags");
        if (tags.size() > 50) {
            throw LIMIT_EXCEEDED.withMessage(
                    "A provider maps at most 50 principal tags.");
        }
        return new TagMap(poolId, provider, new IdentityPool.PrincipalTagMap(Boolean.TRUE.equals(useDefaults), tags));
    }

    private static ObjectNode tagMapJson(TagMap t) {
        ObjectNode node = Json.object().put("IdentityPoolId", t.poolId()).put("IdentityProviderName", t.provider())
                .put("UseDefaults", t.map().useDefaults());
        ObjectNode tags = node.putObject("PrincipalTags");
        t.map().principalTags().forEach(tags::put);
        return node;
    }

    static ObjectNode poolJson(IdentityPool pool) {
        ObjectNode node = Json.object().put("IdentityPoolId", pool.id()).put("IdentityPoolName", pool.name())
                .put("AllowUnauthenticatedIdentities", pool.allowUnauthenticated())
                .put("AllowClassicFlow", pool.allowClassicFlow());
        if (!pool.supportedLoginProviders().isEmpty()) {
            ObjectNode providers = node.putObject("SupportedLoginProviders");
            pool.supportedLoginProviders().forEach(providers::put);
        }
        if (pool.developerProviderName() != null) {
            node.put("DeveloperProviderName", pool.developerProviderName());
        }
        if (!pool.openIdConnectProviderArns().isEmpty()) {
            node.set("OpenIdConnectProviderARNs", Json.strings(pool.openIdConnectProviderArns()));
        }
        if (!pool.cognitoProviders().isEmpty()) {
            var list = node.putArray("CognitoIdentityProviders");
            pool.cognitoProviders().forEach(p -> list.addObject().put("ProviderName", p.providerName())
                    .put("ClientId", p.clientId()).put("ServerSideTokenCheck", p.serverSideTokenCheck()));
        }
        if (!pool.samlProviderArns().isEmpty()) {
            node.set("SamlProviderARNs", Json.strings(pool.samlProviderArns()));
        }
        ObjectNode tags = node.putObject("IdentityPoolTags");
        pool.tags().forEach(tags::put);
        return node;
    }

    private static IdentityPool settings(Params p, String id) {
        String name = p.required("IdentityPoolName", 1, 128, POOL_NAME);
        boolean allowUnauthenticated = p.requiredBoolean("AllowUnauthenticatedIdentities");
        boolean allowClassicFlow = p.flag("AllowClassicFlow");
        Map<String, String> supported = p.stringMap("SupportedLoginProviders");
        for (Map.Entry<String, String> provider : supported.entrySet()) {
            if (!Logins.SOCIAL.contains(provider.getKey())) {
                throw INVALID_PARAMETER.withMessage("SupportedLoginProviders: %s is not a login provider; "
                        + "accounts.google.com, appleid.apple.com, graph.facebook.com and www.amazon.com are.",
                        provider.getKey());
            }
            if (provider.getValue().isEmpty() || provider.getValue().length() > 128) {
                throw INVALID_PARAMETER.withMessage("SupportedLoginProviders: the app id of %s must be 1 to 128 "
                        + "characters.", provider.getKey());
            }
        }
        String developer = p.optional("DeveloperProviderName", 1, 128, DEVELOPER_PROVIDER);
        List<String> oidc = p.stringList("OpenIdConnectProviderARNs", 20, 2048);
        List<String> saml = p.stringList("SamlProviderARNs", 20, 2048);
        List<IdentityPool.CognitoProvider> cognito = p.objectList("CognitoIdentityProviders", 50, provider -> {
            String providerName = provider.required("ProviderName", 1, 128, PROVIDER_NAME);
            String clientId = provider.required("ClientId", 1, 128, CLIENT_ID);
            return new IdentityPool.CognitoProvider(providerName, clientId, provider.flag("ServerSideTokenCheck"));
        });
        Map<String, String> tags = p.has("IdentityPoolTags") ? p.stringMap("IdentityPoolTags") : null;
        return new IdentityPool(id, name, allowUnauthenticated, allowClassicFlow, developer, supported,
                cognito == null ? List.of() : cognito, oidc == null ? List.of() : oidc, saml == null ? List.of() : saml,
                id == null && tags == null ? Map.of() : tags,
                Map.of(), Map.of(), Map.of(), null);
    }
}
