package io.cognate.userpool.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;
import io.cognate.userpool.model.ResourceServer;

/** A resource server of a pool; its scopes as JSON. */
@Table("resource_server")
public class ResourceServerEntity {
    @Id
    @Column("pool_id")
    public String poolId;
    @Id
    public String identifier;
    public String name;
    @Column("scopes")
    String scopesJson;
    @Column("created_at")
    public Instant createdAt;
    @Column("updated_at")
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
}
