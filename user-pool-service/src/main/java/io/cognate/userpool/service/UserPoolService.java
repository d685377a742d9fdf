package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.error.CognitoError.RESOURCE_NOT_FOUND;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.userpool.config.CognateConfig;
import io.cognate.userpool.grpc.TokenServiceClient;
import io.cognate.userpool.model.Page;
import io.cognate.userpool.model.PoolSettings;
import io.cognate.userpool.model.SchemaAttributeInput;
import io.cognate.userpool.repository.DomainEntity;
import io.cognate.userpool.repository.DomainRepository;
import io.cognate.userpool.repository.UserPoolEntity;
import io.cognate.userpool.repository.UserPoolRepository;
import io.cognate.userpool.repository.UserRepository;
import io.smallrye.mutiny.Uni;

/** User pools: their creation, description, settings and deletion. */
@ApplicationScoped
public class UserPoolService {
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A pool and the number of its users, as DescribeUserPool reports them. */
    /** DescribeUserPool's answer: the pool, its user count, and its prefix and custom domain (null when none). */
    public record Description(UserPool pool, long estimatedUsers, String domain, String customDomain) {
    }

    private final ConfigCache<UserPool> cache;
    private final UserPoolRepository pools;
    private final UserRepository users;
    private final DomainRepository domains;
    private final TokenServiceClient tokens;
    private final CognateConfig config;
    private final Transactions transactions;

    public UserPoolService(UserPoolRepository pools, UserRepository users, DomainRepository domains,
            TokenServiceClient tokens, CognateConfig config, Transactions transactions) {
        this.pools = pools;
        this.domains = domains;
        this.cache = new ConfigCache<>(config.configCacheTtl());
        this.users = users;
        this.tokens = tokens;
        this.config = config;
        this.transactions = transactions;
    }

    /** Creates the pool, then makes sure token-service has its signing key so its JWKS is served at once. */
    public Uni<UserPool> create(NewPool request) {
        List<String> usernameAttributes = orEmpty(request.usernameAttributes());
        List<String> aliasAttributes = orEmpty(request.aliasAttributes());
        if (!usernameAttributes.isEmpty() && !aliasAttributes.isEmpty()) {
            throw INVALID_PARAMETER.withMessage(
                    "Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.");
        }
        PoolSettings.SignIn signIn = new PoolSettings.SignIn(usernameAttributes.isEmpty() ? null : usernameAttributes,
                aliasAttributes.isEmpty() ? null : aliasAttributes, request.caseSensitive(),
                PoolSchema.create(request.schema()));
        PoolSettings.Mfa mfa = PoolMfa.atCreation(request.mfaConfiguration(), request.policies());
        UserPoolEntity entity = new UserPoolEntity();
        entity.id = config.region() + "_" + randomId(9);
        entity.name = request.name();
        entity.settings(new PoolSettings(signIn, request.policies(), mfa, null));
        entity.createdAt = Instant.now();
        entity.updatedAt = entity.createdAt;
        return tokens.ensureSigningKey(entity.id).chain(() -> transactions.transaction(() -> pools.persist(entity)))
                .map(UserPool::new);
    }

    public Uni<UserPool> require(String poolId) {
        return transactions.session(() -> pools.findById(poolId).map(entity -> {
            if (entity == null) {
                throw RESOURCE_NOT_FOUND.withMessage("User pool %s does not exist.", poolId);
            }
            return new UserPool(entity);
        }));
    }

    /** The pool for a read path (sign-in, refresh): from the short-lived cache; never modify what it returns. */
    public Uni<UserPool> cached(String poolId) {
        return cache.get(poolId, () -> require(poolId));
    }

    /** Replaces the pool's settings with what {@code change} makes of the pool (which it may refuse by throwing). */
    public Uni<UserPool> changeSettings(String poolId, Function<UserPool, PoolSettings> change) {
        return transactions.transaction(() -> require(poolId).chain(pool -> {
            UserPoolEntity entity = pool.entity();
            entity.settings(change.apply(pool));
            entity.updatedAt = Instant.now();
            cache.invalidate(poolId);
            return pools.persist(entity).map(UserPool::new);
        }));
    }

    public Uni<Description> describe(String poolId) {
        return transactions.session(() -> require(poolId).chain(pool -> users.countInPool(poolId)
                .chain(count -> domains.ofPool(poolId)
                        .map(owned -> new Description(pool, count, domainOf(owned, false), domainOf(owned, true))))));
    }

    /**
     * UpdateUserPool: the policies are replaced (the password policy and tier only where given, as in Cognito); the
     * schema, the sign-in attributes, the MFA methods and the risk configuration stay as they are.
     */
    public Uni<Void> update(PoolUpdate request) {
        return transactions.transaction(() -> require(request.poolId()).chain(pool -> {
            UserPoolEntity entity = pool.entity();
            if (request.name() != null) {
                entity.name = request.name();
            }
            PoolSettings.Policies policies = request.policies().keeping(pool.settings().policies());
            PoolSettings.Mfa mfa = PoolMfa.atUpdate(pool.settings().mfa(), request.mfaConfiguration(), policies);
            entity.settings(pool.settings().withPolicies(policies).withMfa(mfa));
            entity.updatedAt = Instant.now();
            cache.invalidate(request.poolId());
            return pools.persist(entity).replaceWithVoid();
        }));
    }

    public Uni<Void> delete(String poolId) {
        return transactions.transaction(() -> require(poolId).chain(pool -> {
            if (pool.deletionProtected()) {
                throw INVALID_PARAMETER.withMessage("The user pool %s cannot be deleted because deletion protection is "
                        + "activated. Deletion protection must be inactivated first.", poolId);
            }
            return domains.ofPool(poolId).chain(owned -> {
                if (!owned.isEmpty()) {
                    throw INVALID_PARAMETER.withMessage("User pool cannot be deleted. It has a domain configured that "
                            + "should be deleted first.");
                }
                cache.invalidate(poolId);
                // token-service first: should the pool's own delete then fail, a retry finishes it, and no keys
                // outlive a deleted pool.
                return tokens.deletePool(poolId).chain(() -> pools.delete(pool.entity()));
            });
        }));
    }

    public Uni<Page<UserPoolEntity>> list(int maxResults, String nextToken) {
        return transactions.session(() -> pools.page(Page.after(nextToken), maxResults + 1)
                .map(page -> Page.of(page, maxResults, p -> p.id)));
    }

    public Uni<Void> addCustomAttributes(String poolId, List<SchemaAttributeInput> attributes) {
        return changeSettings(poolId, pool -> pool.settings().withSchema(PoolSchema.add(pool.settings().signIn()
                .schema(), attributes))).replaceWithVoid();
    }

    private static String randomId(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static String domainOf(List<DomainEntity> owned, boolean custom) {
        return owned.stream().filter(d -> d.custom == custom).map(d -> d.domain).findFirst().orElse(null);
    }
}
