package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.error.CognitoError.RESOURCE_NOT_FOUND;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.userpool.model.Page;
import io.cognate.userpool.model.ResourceServer;
import io.cognate.userpool.repository.ResourceServerEntity;
import io.cognate.userpool.repository.ResourceServerRepository;
import io.smallrye.mutiny.Uni;

/** Resource servers: the custom scopes ({@code <identifier>/<scope>}) a pool's clients may ask for. */
@ApplicationScoped
public class ResourceServerService {
    private final UserPoolService pools;
    private final ResourceServerRepository servers;
    private final Transactions transactions;

    public ResourceServerService(UserPoolService pools, ResourceServerRepository servers, Transactions transactions) {
        this.pools = pools;
        this.servers = servers;
        this.transactions = transactions;
    }

    public Uni<ResourceServer> create(String poolId, ResourceServer server) {
        return transactions.transaction(() -> {
            checkScopes(server);
            return pools.require(poolId).chain(pool -> servers.find(poolId, server.identifier())).chain(existing -> {
                if (existing != null) {
                    throw INVALID_PARAMETER.withMessage("%s already exists in user pool %s.", server.identifier(),
                            poolId);
                }
                ResourceServerEntity entity = new ResourceServerEntity();
                entity.poolId = poolId;
                entity.identifier = server.identifier();
                entity.createdAt = Instant.now();
                return save(entity, server);
            });
        });
    }

    public Uni<ResourceServer> describe(String poolId, String identifier) {
        return transactions.session(() -> require(poolId, identifier).map(ResourceServerEntity::resourceServer));
    }

    /** UpdateResourceServer: the name and scopes replaced. */
    public Uni<ResourceServer> update(String poolId, ResourceServer server) {
        return transactions.transaction(() -> {
            checkScopes(server);
            return require(poolId, server.identifier()).chain(entity -> save(entity, server));
        });
    }

    public Uni<Void> delete(String poolId, String identifier) {
        return transactions.transaction(() -> require(poolId, identifier)
                .chain(entity -> servers.delete(poolId, identifier)).replaceWithVoid());
    }

    public Uni<Page<ResourceServer>> list(String poolId, int maxResults, String nextToken) {
        return transactions.session(() -> {
            String after = Page.after(nextToken);
            return pools.require(poolId).chain(pool -> servers.page(poolId, after, maxResults + 1))
                    .map(rows -> Page.of(rows.stream().map(ResourceServerEntity::resourceServer).toList(), maxResults,
                            ResourceServer::identifier));
        });
    }

    /** Every custom scope of the pool, as tokens name them. */
    public Uni<List<String>> scopesOf(String poolId) {
        return transactions.session(() -> servers.ofPool(poolId).map(rows -> rows.stream()
                .flatMap(row -> row.resourceServer().fullScopeNames().stream()).toList()));
    }

    private Uni<ResourceServerEntity> require(String poolId, String identifier) {
        return pools.require(poolId).chain(pool -> servers.find(poolId, identifier)).map(entity -> {
            if (entity == null) {
                throw RESOURCE_NOT_FOUND.withMessage("Resource server %s does not exist.", identifier);
            }
            return entity;
        });
    }

    private Uni<ResourceServer> save(ResourceServerEntity entity, ResourceServer server) {
        entity.name = server.name();
        entity.scopes(server.scopes());
        entity.updatedAt = Instant.now();
        return servers.persist(entity).map(ResourceServerEntity::resourceServer);
    }

    private static void checkScopes(ResourceServer server) {
        Set<String> names = new HashSet<>();
        for (ResourceServer.Scope scope : server.scopes()) {
            if (!names.add(scope.name())) {
                throw INVALID_PARAMETER.withMessage("Scope %s appears twice in resource server %s.", scope.name(),
                        server.identifier());
            }
        }
    }
}
