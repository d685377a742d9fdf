package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.NOT_AUTHORIZED;
import static io.cognate.userpool.error.CognitoError.RESOURCE_NOT_FOUND;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.crypto.Aead;
import io.cognate.crypto.Purpose;
import io.cognate.database.rows.Transactions;
import io.cognate.userpool.config.CognateConfig;
import io.cognate.userpool.model.ClientSettings;
import io.cognate.userpool.model.Page;
import io.cognate.userpool.repository.AppClientEntity;
import io.cognate.userpool.repository.AppClientRepository;
import io.smallrye.mutiny.Uni;

/** App clients: their management, and the client checks every public flow starts with. */
@ApplicationScoped
public class AppClientService {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConfigCache<AppClient> cache;
    private final AppClientRepository clients;
    private final UserPoolService pools;
    private final ResourceServerService servers;
    private final IdentityProviderService providers;
    private final Aead aead;
    private final Transactions transactions;

    public AppClientService(AppClientRepository clients, UserPoolService pools, ResourceServerService servers,
            IdentityProviderService providers, Aead aead, CognateConfig config, Transactions transactions) {
        this.cache = new ConfigCache<>(config.configCacheTtl());
        this.clients = clients;
        this.pools = pools;
        this.servers = servers;
        this.providers = providers;
        this.aead = aead;
        this.transactions = transactions;
    }

    public Uni<AppClient> create(NewClient request) {
        return transactions.transaction(() -> pools.require(request.poolId()).chain(pool -> servers.scopesOf(pool.id())
                .chain(scopes -> providers.namesOf(pool.id()).chain(names -> {
                    ClientRules.check(request.settings(), pool);
                    ClientRules.checkOAuth(request.settings().oauth(), request.generateSecret(), scopes, names, pool.id());
                    AppClientEntity entity = new AppClientEntity();
                    entity.clientId = random(26);
                    entity.poolId = request.poolId();
                    entity.clientName = request.name();
                    entity.settings(request.settings());
                    String secret = !request.generateSecret() ? null
                            : request.clientSecret() != null ? request.clientSecret() : random(51);
                    if (secret != null) {
                        entity.secretSealed = aead.seal(Purpose.CLIENT_SECRET, entity.clientId,
                                secret.getBytes(StandardCharsets.UTF_8));
                    }
                    entity.createdAt = Instant.now();
                    entity.updatedAt = entity.createdAt;
                    return clients.persist(entity).map(saved -> new AppClient(saved, secret));
                }))));
    }

    /** UpdateUserPoolClient: the settings replaced whole, the name where given. */
    public Uni<AppClient> update(String poolId, String clientId, String name, ClientSettings settings) {
        return transactions.transaction(() -> pools.require(poolId).chain(pool -> servers.scopesOf(poolId)
                .chain(scopes -> providers.namesOf(poolId).chain(names -> require(poolId, clientId).chain(client -> {
                    ClientRules.check(settings, pool);
                    ClientRules.checkOAuth(settings.oauth(), client.secret() != null, scopes, names, poolId);
                    AppClientEntity entity = client.entity();
                    if (name != null) {
                        entity.clientName = name;
                    }
                    entity.settings(settings);
                    entity.updatedAt = Instant.now();
                    cache.invalidate(clientId);
                    return clients.persist(entity).map(saved -> new AppClient(saved, client.secret()));
                })))));
    }

    public Uni<Void> delete(String poolId, String clientId) {
        return transactions.transaction(() -> {
            cache.invalidate(clientId);
            return require(poolId, clientId).chain(client -> clients.delete(poolId, clientId)).replaceWithVoid();
        });
    }

    public Uni<Page<AppClientEntity>> list(String poolId, int maxResults, String nextToken) {
        return transactions.session(() -> {
            String after = Page.after(nextToken);
            return pools.require(poolId).chain(pool -> clients.page(poolId, after, maxResults + 1))
                    .map(page -> Page.of(page, maxResults, c -> c.clientId));
        });
    }

    /** The client of a pool, or ResourceNotFoundException. */
    public Uni<AppClient> require(String poolId, String clientId) {
        return transactions.session(() -> clients.find(poolId, clientId).map(entity -> {
            if (entity == null) {
                throw RESOURCE_NOT_FOUND.withMessage("User pool client %s does not exist.", clientId);
            }
            return open(entity);
        }));
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
    public Uni<AppClient> requireById(String clientId) {
        return transactions.session(() -> clients.findById(clientId).map(entity -> {
            if (entity == null) {
                throw RESOURCE_NOT_FOUND.withMessage("User pool client %s does not exist.", clientId);
            }
            return open(entity);
        }));
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

    /** Whether {@code secret} is the client's secret (any, for a client without one), in constant time. */
    public static boolean secretMatches(AppClient client, String secret) {
        return client.secret() == null || secret != null && MessageDigest.isEqual(
                client.secret().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }

    /** The SECRET_HASH of {@code username} for a client with a secret (the hosted pages stand in for the client). */
    public static String secretHashOf(AppClient client, String username) {
        return client.secret() == null ? null : secretHash(client, username);
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
                : new String(aead.open(Purpose.CLIENT_SECRET, entity.clientId, entity.secretSealed),
                        StandardCharsets.UTF_8);
        return new AppClient(entity, secret);
    }

    private static String random(int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return value.toString();
    }
}
