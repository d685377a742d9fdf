package io.cognate.userpool.service;

import static io.cognate.userpool.api.CognitoError.NOT_AUTHORIZED;
import static io.cognate.userpool.api.CognitoError.RESOURCE_NOT_FOUND;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.crypto.Aead;
import io.cognate.crypto.Purpose;
import io.cognate.userpool.api.Json;
import io.cognate.userpool.api.Params;
import io.cognate.userpool.config.CognateConfig;
import io.cognate.userpool.repository.AppClientEntity;
import io.cognate.userpool.repository.AppClientRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** App clients: their management, and the client checks every public flow starts with. */
@ApplicationScoped
public class AppClientService {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConfigCache<AppClient> cache;
    private final AppClientRepository clients;
    private final UserPoolService pools;
    private final Aead aead;

    public AppClientService(AppClientRepository clients, UserPoolService pools, Aead aead, CognateConfig config) {
        this.cache = new ConfigCache<>(config.configCacheTtl());
        this.clients = clients;
        this.pools = pools;
        this.aead = aead;
    }

    @WithTransaction
    public Uni<ObjectNode> create(Params request) {
        String poolId = request.userPoolId();
        String name = request.required("ClientName", 1, 128, ClientSettingsBuilder.CLIENT_NAME);
        Boolean generateSecret = request.optionalBoolean("GenerateSecret");
        return pools.require(poolId).chain(pool -> {
            AppClientEntity entity = new AppClientEntity();
            entity.clientId = random(26);
            entity.poolId = poolId;
            entity.clientName = name;
            entity.settings = Json.write(ClientSettingsBuilder.build(request, pool));
            String secret = Boolean.TRUE.equals(generateSecret) ? random(51) : null;
            if (secret != null) {
                entity.secretSealed = aead.seal(Purpose.CLIENT_SECRET, entity.clientId,
                        secret.getBytes(StandardCharsets.UTF_8));
            }
            entity.createdAt = Instant.now();
            entity.updatedAt = entity.createdAt;
            return clients.persist(entity).map(saved -> describe(new AppClient(saved, secret)));
        });
    }

    @WithSession
    public Uni<ObjectNode> describe(String poolId, String clientId) {
        return require(poolId, clientId).map(this::describe);
    }

    @WithTransaction
    public Uni<ObjectNode> update(Params request) {
        String poolId = request.userPoolId();
        String clientId = request.clientId();
        String name = request.optional("ClientName", 1, 128, ClientSettingsBuilder.CLIENT_NAME);
        return pools.require(poolId).chain(pool -> require(poolId, clientId).chain(client -> {
            AppClientEntity entity = client.entity();
            if (name != null) {
                entity.clientName = name;
            }
            entity.settings = Json.write(ClientSettingsBuilder.build(request, pool));
            entity.updatedAt = Instant.now();
            cache.invalidate(clientId);
            return clients.persist(entity).map(saved -> describe(new AppClient(saved, client.secret())));
        }));
    }

    @WithTransaction
    public Uni<Void> delete(String poolId, String clientId) {
        cache.invalidate(clientId);
        return require(poolId, clientId).chain(client -> clients.delete(poolId, clientId)).replaceWithVoid();
    }

    @WithSession
    public Uni<ObjectNode> list(String poolId, int maxResults, String nextToken) {
        String after = PageTokens.decode(nextToken);
        return pools.require(poolId).chain(pool -> clients.page(poolId, after, maxResults + 1)).map(page -> {
            ObjectNode response = Json.object();
            ArrayNode list = response.putArray("UserPoolClients");
            List<AppClientEntity> shown = page.subList(0, Math.min(maxResults, page.size()));
            shown.forEach(c -> list.addObject().put("ClientId", c.clientId).put("UserPoolId", c.poolId)
                    .put("ClientName", c.clientName));
            if (page.size() > maxResults) {
                response.put("NextToken", PageTokens.encode(shown.get(shown.size() - 1).clientId));
            }
            return response;
        });
    }

    /** The client of a pool, or ResourceNotFoundException. */
    @WithSession
    public Uni<AppClient> require(String poolId, String clientId) {
        return clients.find(poolId, clientId).map(entity -> {
            if (entity == null) {
                throw RESOURCE_NOT_FOUND.withMessage("User pool client %s does not exist.", clientId);
            }
            return open(entity);
        });
    }

    /** The client for a read path (sign-in, GetUser), from the short-lived cache, checked to be the pool's. */
    public Uni<AppClient> cached(String poolId, String clientId) {
        return cachedById(clientId).map(client -> {
            if (!client.poolId().equals(poolId)) {
                throw RESOURCE_NOT_FOUND.withMessage("User pool client %s does not exist.", clientId);
            }
            return client;
        });
    }

    /** The client a public request names by id alone, from the short-lived cache, or ResourceNotFoundException. */
    public Uni<AppClient> cachedById(String clientId) {
        return cache.get(clientId, () -> requireById(clientId));
    }

    /** The client a public request names by id alone, or ResourceNotFoundException. */
    @WithSession
    public Uni<AppClient> requireById(String clientId) {
        return clients.findById(clientId).map(entity -> {
            if (entity == null) {
                throw RESOURCE_NOT_FOUND.withMessage("User pool client %s does not exist.", clientId);
            }
            return open(entity);
        });
    }

    /** SECRET_HASH = Base64(HMAC-SHA256(client secret, username + client id)), required when the client has one. */
    public static void checkSecretHash(AppClient client, String username, String secretHash) {
        if (client.secret() == null) {
            return;
        }
        if (secretHash == null || secretHash.isEmpty()) {
            throw NOT_AUTHORIZED.withMessage("Client %s is configured with secret but SECRET_HASH was not received",
                    client.id());
        }
        if (!secretHashMatches(client, secretHash, List.of(username))) {
            throw NOT_AUTHORIZED.withMessage("Unable to verify secret hash for client %s", client.id());
        }
    }

    /** Whether the hash matches any of the names the user may be known by (username, alias, sub). */
    public static boolean secretHashMatches(AppClient client, String secretHash, List<String> names) {
        if (client.secret() == null) {
            return true;
        }
        return secretHash != null && names.stream().anyMatch(name -> MessageDigest.isEqual(
                secretHash(client, name).getBytes(StandardCharsets.UTF_8), secretHash.getBytes(StandardCharsets.UTF_8)));
    }

    private static String secretHash(AppClient client, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(client.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] hash = mac.doFinal((username + client.id()).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private AppClient open(AppClientEntity entity) {
        String secret = entity.secretSealed == null ? null
                : new String(aead.open(Purpose.CLIENT_SECRET, entity.clientId, entity.secretSealed), StandardCharsets.UTF_8);
        return new AppClient(entity, secret);
    }

    private ObjectNode describe(AppClient client) {
        AppClientEntity entity = client.entity();
        ObjectNode description = client.settings().deepCopy();
        description.put("UserPoolId", entity.poolId).put("ClientName", entity.clientName).put("ClientId", entity.clientId)
                .put("LastModifiedDate", Json.epochSeconds(entity.updatedAt))
                .put("CreationDate", Json.epochSeconds(entity.createdAt));
        if (client.secret() != null) {
            description.put("ClientSecret", client.secret());
        }
        return Json.object().set("UserPoolClient", description);
    }

    private static String random(int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return value.toString();
    }
}
