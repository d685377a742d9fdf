package io.cognate.identitypool.service;

import static io.cognate.identitypool.error.IdentityError.INVALID_PARAMETER;
import static io.cognate.identitypool.error.IdentityError.LIMIT_EXCEEDED;
import static io.cognate.identitypool.error.IdentityError.RESOURCE_NOT_FOUND;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.identitypool.config.CognateConfig;
import io.cognate.identitypool.model.IdentityPool;
import io.cognate.identitypool.repository.IdentityPoolEntity;
import io.cognate.identitypool.repository.IdentityPoolRepository;
import io.cognate.identitypool.repository.PoolRows;
import io.smallrye.mutiny.Uni;

/** Identity pools: create, describe, update (the whole settings again, as Cognito takes them), delete, list, roles. */
@ApplicationScoped
public class IdentityPools {
    /** Cognito's quota: identity pools per account. */
    static final int MAX_POOLS = 1000;

    /** A page of pools and where the next starts. */
    public record Page(List<IdentityPool> pools, String nextToken) {
    }

    private final IdentityPoolRepository repository;
    private final PoolCache cache;
    private final OidcProviders oidcProviders;
    private final SamlProviders samlProviders;
    private final String region;
    private final Clock clock;
    private final Transactions transactions;

    public IdentityPools(IdentityPoolRepository repository, PoolCache cache, OidcProviders oidcProviders,
            SamlProviders samlProviders, CognateConfig config, Clock clock, Transactions transactions) {
        this.oidcProviders = oidcProviders;
        this.samlProviders = samlProviders;
        this.cache = cache;
        this.repository = repository;
        this.region = config.region();
        this.clock = clock;
        this.transactions = transactions;
    }

    public Uni<IdentityPool> create(IdentityPool settings) {
        return transactions.transaction(() -> requireProviders(settings).chain(() -> repository.countAll())
                .chain(count -> {
                    if (count >= MAX_POOLS) {
                        throw LIMIT_EXCEEDED.withMessage("You have exceeded the maximum number of identity pools (%d).",
                                MAX_POOLS);
                    }
                    IdentityPoolEntity row = new IdentityPoolEntity();
                    row.id = region + ":" + UUID.randomUUID();
                    row.createdAt = clock.instant();
                    PoolRows.write(settings, row);
                    row.roles = "{}";
                    row.roleMappings = "{}";
                    row.principalTags = "{}";
                    return repository.persist(row).map(PoolRows::pool);
                }));
    }

    public Uni<IdentityPool> describe(String poolId) {
        return transactions.session(() -> repository.findById(poolId).map(row -> PoolRows.pool(found(row, poolId))));
    }

    /** Replaces the settings Create took; the roles, role mappings and principal tags stay. */
    public Uni<IdentityPool> update(IdentityPool settings) {
        return transactions.transaction(() -> requireProviders(settings)
                .chain(() -> repository.findById(settings.id())).map(row -> {
                    IdentityPool current = PoolRows.pool(changing(row, settings.id()));
                    if (current.developerProviderName() != null && !current.developerProviderName().equals(
                            settings.developerProviderName())) {
                        throw INVALID_PARAMETER.withMessage("DeveloperProviderName cannot be changed once set.");
                    }
                    PoolRows.write(new IdentityPool(settings.id(), settings.name(), settings.allowUnauthenticated(),
                            settings.allowClassicFlow(), settings.developerProviderName(),
                            settings.supportedLoginProviders(), settings.cognitoProviders(),
                            settings.openIdConnectProviderArns(), settings.samlProviderArns(),
                            settings.tags() == null ? current.tags() : settings.tags(), current.roles(),
                            current.roleMappings(), current.principalTags(), current.createdAt()), row);
                    return PoolRows.pool(row);
                }));
    }

    public Uni<Void> delete(String poolId) {
        return transactions.transaction(() -> repository.findById(poolId)
                .chain(row -> repository.delete(changing(row, poolId))));
    }

    public Uni<Page> list(int maxResults, String nextToken) {
        return transactions.session(() -> repository.page(nextToken, maxResults + 1).map(rows -> {
            List<IdentityPool> pools = rows.stream().limit(maxResults).map(PoolRows::pool).toList();
            return new Page(pools, rows.size() > maxResults ? pools.get(pools.size() - 1).id() : null);
        }));
    }

    /**
     * Every OpenIdConnectProviderARN must name an OpenID Connect provider of IAM here, and every SamlProviderARN a
     * SAML provider.
     */
    private Uni<Void> requireProviders(IdentityPool settings) {
        return oidcProviders.of(settings.openIdConnectProviderArns()).invoke(found -> {
            for (String arn : settings.openIdConnectProviderArns()) {
                if (found.stream().noneMatch(p -> p.arn().equals(arn))) {
                    throw INVALID_PARAMETER.withMessage("%s is not an OpenID Connect provider of this account "
                            + "(IAM CreateOpenIDConnectProvider).", arn);
                }
            }
        }).chain(() -> samlProviders.of(settings.samlProviderArns())).invoke(found -> {
            for (String arn : settings.samlProviderArns()) {
                if (found.stream().noneMatch(p -> p.arn().equals(arn))) {
                    throw INVALID_PARAMETER.withMessage("%s is not a SAML provider of this account (IAM "
                            + "CreateSAMLProvider).", arn);
                }
            }
        }).replaceWithVoid();
    }

    /** SetIdentityPoolRoles: the default roles and the role mappings by provider, each provider a configured one. */
    public Uni<Void> setRoles(String poolId, Map<String, String> roles, Map<String, IdentityPool.RoleMapping> mappings) {
        return transactions.transaction(() -> repository.findById(poolId).invoke(row -> {
            IdentityPool pool = PoolRows.pool(changing(row, poolId));
            mappings.keySet().forEach(key -> {
                String provider = key.contains(":") ? key.substring(0, key.lastIndexOf(':')) : key;
                boolean configured = pool.cognitoProviders().stream().anyMatch(p -> key.equals(p.providerName() + ":"
                        + p.clientId())) || pool.supportedLoginProviders().containsKey(provider)
                        || pool.openIdConnectProviderArns().stream().anyMatch(arn -> arn.endsWith(":oidc-provider/"
                                + key))
                        || pool.samlProviderArns().contains(key);
                if (!configured) {
                    throw INVALID_PARAMETER.withMessage(
                            "(%s) is not a valid RoleMapping ProviderName or is not a configured provider.", key);
                }
            });
            PoolRows.write(withRoles(pool, roles, mappings, pool.principalTags()), row);
        }).replaceWithVoid());
    }

    /** SetPrincipalTagAttributeMap for one provider of the pool. */
    public Uni<IdentityPool.PrincipalTagMap> setPrincipalTags(String poolId, String provider,
            IdentityPool.PrincipalTagMap map) {
        return transactions.transaction(() -> repository.findById(poolId).map(row -> {
            IdentityPool pool = PoolRows.pool(changing(row, poolId));
            Map<String, IdentityPool.PrincipalTagMap> tags = new LinkedHashMap<>(pool.principalTags());
            tags.put(provider, map);
            PoolRows.write(withRoles(pool, pool.roles(), pool.roleMappings(), tags), row);
            return map;
        }));
    }

    /** TagResource / UntagResource: the tags after {@code change}. */
    public Uni<Void> retag(String poolId, UnaryOperator<Map<String, String>> change) {
        return transactions.transaction(() -> repository.findById(poolId).invoke(row -> {
            IdentityPool pool = PoolRows.pool(changing(row, poolId));
            Map<String, String> tags = change.apply(new LinkedHashMap<>(pool.tags()));
            if (tags.size() > 50) {
                throw LIMIT_EXCEEDED.withMessage("An identity pool has at most 50 tags.");
            }
            PoolRows.write(new IdentityPool(pool.id(), pool.name(), pool.allowUnauthenticated(),
                    pool.allowClassicFlow(), pool.developerProviderName(), pool.supportedLoginProviders(),
                    pool.cognitoProviders(), pool.openIdConnectProviderArns(), pool.samlProviderArns(), tags,
                    pool.roles(), pool.roleMappings(), pool.principalTags(), pool.createdAt()), row);
        }).replaceWithVoid());
    }

    private static IdentityPool withRoles(IdentityPool pool, Map<String, String> roles,
            Map<String, IdentityPool.RoleMapping> mappings, Map<String, IdentityPool.PrincipalTagMap> tags) {
        return new IdentityPool(pool.id(), pool.name(), pool.allowUnauthenticated(), pool.allowClassicFlow(),
                pool.developerProviderName(), pool.supportedLoginProviders(), pool.cognitoProviders(),
                pool.openIdConnectProviderArns(), pool.samlProviderArns(), pool.tags(), roles, mappings, tags,
                pool.createdAt());
    }

    /** The row to change, forgotten by this replica's cache. */
    private IdentityPoolEntity changing(IdentityPoolEntity row, String poolId) {
        cache.forget(poolId);
        return found(row, poolId);
    }

    static IdentityPoolEntity found(IdentityPoolEntity row, String poolId) {
        if (row == null) {
            throw RESOURCE_NOT_FOUND.withMessage("IdentityPool '%s' not found.", poolId);
        }
        return row;
    }
}
