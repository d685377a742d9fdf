package io.cognate.userpool.repository;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.cognate.userpool.model.ResourceServer;

/** A resource server of a pool; its scopes as JSON. */
@Entity
@Table(name = "resource_server")
@IdClass(ResourceServerEntity.Key.class)
public class ResourceServerEntity {
    @Id
    @Column(name = "pool_id")
    public String poolId;
    @Id
    public String identifier;
    public String name;
    @Column(name = "scopes")
    String scopesJson;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public ResourceServer resourceServer() {
        List<ResourceServer.Scope> scopes = new ArrayList<>();
        StoredJson.tree(scopesJson).forEach(scope -> scopes.add(new ResourceServer.Scope(
                scope.path("ScopeName").asText(), scope.path("ScopeDescription").asText())));
        return new ResourceServer(identifier, name, List.copyOf(scopes));
    }

    public void scopes(List<ResourceServer.Scope> scopes) {
        ArrayNode array = StoredJson.MAPPER.createArrayNode();
        scopes.forEach(scope -> array.addObject().put("ScopeName", scope.name())
                .put("ScopeDescription", scope.description()));
        scopesJson = StoredJson.write(array);
    }

    /** The composite key. */
    public static class Key implements Serializable {
        public String poolId;
        public String identifier;

        public Key() {
        }

        public Key(String poolId, String identifier) {
            this.poolId = poolId;
            this.identifier = identifier;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.poolId.equals(poolId) && key.identifier.equals(identifier);
        }

        @Override
        public int hashCode() {
            return poolId.hashCode() * 31 + identifier.hashCode();
        }
    }
}
