package io.cognate.userpool.service;

import static io.cognate.userpool.api.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.api.CognitoError.RESOURCE_NOT_FOUND;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Json;
import io.cognate.userpool.api.Params;
import io.cognate.userpool.config.CognateConfig;
import io.cognate.userpool.grpc.TokenServiceClient;
import io.cognate.userpool.repository.UserPoolEntity;
import io.cognate.userpool.repository.UserPoolRepository;
import io.cognate.userpool.repository.UserRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** User pools: their creation, description, settings and deletion. */
@ApplicationScoped
public class UserPoolService {
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConfigCache<UserPool> cache;
    private final UserPoolRepository pools;
    private final UserRepository users;
    private final TokenServiceClient tokens;
    private final CognateConfig config;

    public UserPoolService(UserPoolRepository pools, UserRepository users, TokenServiceClient tokens,
            CognateConfig config) {
        this.pools = pools;
        this.cache = new ConfigCache<>(config.configCacheTtl());
        this.users = users;
        this.tokens = tokens;
        this.config = config;
    }

    /** Creates the pool, then makes sure token-service has its signing key so its JWKS is served at once. */
    public Uni<ObjectNode> create(Params request) {
        String name = request.required("PoolName", 1, 128, Params.NAME);
        ObjectNode settings = PoolSettingsBuilder.forCreate(request);
        UserPoolEntity entity = new UserPoolEntity();
        entity.id = config.region() + "_" + randomId(9);
        entity.name = name;
        entity.settings = Json.write(settings);
        entity.createdAt = Instant.now();
        entity.updatedAt = entity.createdAt;
        return tokens.ensureSigningKey(entity.id).chain(() -> Panache.withTransaction(() -> pools.persist(entity)))
                .map(saved -> describe(new UserPool(saved), 0));
    }

    @WithSession
    public Uni<UserPool> require(String poolId) {
        return pools.findById(poolId).map(entity -> {
            if (entity == null) {
                throw RESOURCE_NOT_FOUND.withMessage("User pool %s does not exist.", poolId);
            }
            return new UserPool(entity);
        });
    }

    /** The pool for a read path (sign-in, refresh): from the short-lived cache; never modify what it returns. */
    public Uni<UserPool> cached(String poolId) {
        return cache.get(poolId, () -> require(poolId));
    }

    /** Replaces the pool's settings with what {@code change} makes of the pool (which it may refuse by throwing). */
    @WithTransaction
    public Uni<UserPool> changeSettings(String poolId, Function<UserPool, ObjectNode> change) {
        return require(poolId).chain(pool -> {
            UserPoolEntity entity = pool.entity();
            entity.settings = Json.write(change.apply(pool));
            entity.updatedAt = Instant.now();
            cache.invalidate(poolId);
            return pools.persist(entity).map(UserPool::new);
        });
    }

    @WithSession
    public Uni<ObjectNode> describe(String poolId) {
        return require(poolId).chain(pool -> users.countInPool(poolId).map(count -> describe(pool, count)));
    }

    @WithTransaction
    public Uni<Void> update(Params request) {
        String poolId = request.userPoolId();
        return require(poolId).chain(pool -> {
            UserPoolEntity entity = pool.entity();
            String name = request.optional("PoolName", 1, 128, Params.NAME);
            if (name != null) {
                entity.name = name;
            }
            entity.settings = Json.write(PoolSettingsBuilder.forUpdate(request, pool.settings()));
            entity.updatedAt = Instant.now();
            cache.invalidate(poolId);
            return pools.persist(entity).replaceWithVoid();
        });
    }

    @WithTransaction
    public Uni<Void> delete(String poolId) {
        return require(poolId).chain(pool -> {
            if ("ACTIVE".equals(pool.settings().path("DeletionProtection").asText())) {
                throw INVALID_PARAMETER.withMessage("The user pool %s cannot be deleted because deletion protection is "
                        + "activated. Deletion protection must be inactivated first.", poolId);
            }
            cache.invalidate(poolId);
            // token-service first: should the pool's own delete then fail, a retry finishes it, and no keys outlive
            // a deleted pool.
            return tokens.deletePool(poolId).chain(() -> pools.delete(pool.entity()));
        });
    }

    @WithSession
    public Uni<ObjectNode> list(int maxResults, String nextToken) {
        String after = PageTokens.decode(nextToken);
        return pools.page(after, maxResults + 1).map(page -> {
            ObjectNode response = Json.object();
            ArrayNode list = response.putArray("UserPools");
            List<UserPoolEntity> shown = page.subList(0, Math.min(maxResults, page.size()));
            for (UserPoolEntity entity : shown) {
                list.addObject().put("Id", entity.id).put("Name", entity.name).putObject("LambdaConfig");
                ((ObjectNode) list.get(list.size() - 1)).put("LastModifiedDate", Json.epochSeconds(entity.updatedAt))
                        .put("CreationDate", Json.epochSeconds(entity.createdAt));
            }
            if (page.size() > maxResults) {
                response.put("NextToken", PageTokens.encode(shown.get(shown.size() - 1).id));
            }
            return response;
        });
    }

    @WithTransaction
    public Uni<Void> addCustomAttributes(Params request) {
        String poolId = request.userPoolId();
        return require(poolId).chain(pool -> {
            ObjectNode settings = pool.settings();
            ArrayNode schema = (ArrayNode) settings.withArray("SchemaAttributes");
            settings.set("SchemaAttributes",
                    PoolSettingsBuilder.addCustomAttributes(schema, request.node().get("CustomAttributes")));
            UserPoolEntity entity = pool.entity();
            entity.settings = Json.write(settings);
            entity.updatedAt = Instant.now();
            cache.invalidate(poolId);
            return pools.persist(entity).replaceWithVoid();
        });
    }

    private ObjectNode describe(UserPool pool, long estimatedUsers) {
        UserPoolEntity entity = pool.entity();
        ObjectNode description = pool.settings().deepCopy();
        description.put("Id", entity.id).put("Name", entity.name)
                .put("Arn", "arn:aws:cognito-idp:" + config.region() + ":" + config.accountId() + ":userpool/" + entity.id)
                .put("CreationDate", Json.epochSeconds(entity.createdAt))
                .put("LastModifiedDate", Json.epochSeconds(entity.updatedAt))
                .put("EstimatedNumberOfUsers", estimatedUsers);
        return Json.object().set("UserPool", description);
    }

    private static String randomId(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
