package io.cognate.userpool.api.actions;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.Json;
import io.cognate.userpool.api.ActionGroup;
import io.cognate.userpool.api.ActionRegistry;
import io.cognate.userpool.api.Params;
import io.cognate.userpool.api.wire.Pages;
import io.cognate.userpool.config.CognateConfig;
import io.cognate.userpool.model.ResourceServer;
import io.cognate.userpool.repository.DomainEntity;
import io.cognate.userpool.service.DomainService;
import io.cognate.userpool.service.ResourceServerService;

/** Domains and resource servers (IAM-authorized). */
@ApplicationScoped
public class DomainActions implements ActionGroup {
    private static final Pattern ARN = Pattern.compile("arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:"
            + "[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?");
    private static final Pattern IDENTIFIER = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    private static final Pattern SERVER_NAME = Pattern.compile("[\\w\\s+=,.@-]+");
    private static final Pattern SCOPE_NAME = Pattern.compile("[\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]+");

    private final DomainService domains;
    private final ResourceServerService servers;
    private final CognateConfig config;

    public DomainActions(DomainService domains, ResourceServerService servers, CognateConfig config) {
        this.domains = domains;
        this.servers = servers;
        this.config = config;
    }

    record Server(String poolId, ResourceServer server) {
    }

    record ServerName(String poolId, String identifier) {
    }

    @Override
    public void register(ActionRegistry registry) {
        registry.iam("CreateUserPoolDomain", DomainActions::domain, domains::create, this::created);
        registry.iam("UpdateUserPoolDomain", DomainActions::domain, domains::update, this::created);
        registry.iam("DescribeUserPoolDomain", p -> p.required("Domain", 1, 253), domains::describe,
                domain -> Json.wrap("DomainDescription", domain == null ? Json.object() : description(domain)));
        registry.iam("DeleteUserPoolDomain", p -> new DomainService.DomainRequest(p.userPoolId(),
                p.required("Domain", 1, 253), null, null), d -> domains.delete(d.poolId(), d.domain()), Json::empty);

        registry.iam("CreateResourceServer", DomainActions::server, s -> servers.create(s.poolId(), s.server()),
                server -> Json.wrap("ResourceServer", serverType(server)));
        registry.iam("UpdateResourceServer", DomainActions::server, s -> servers.update(s.poolId(), s.server()),
                server -> Json.wrap("ResourceServer", serverType(server)));
        registry.iam("DescribeResourceServer", DomainActions::serverName,
                n -> servers.describe(n.poolId(), n.identifier()),
                server -> Json.wrap("ResourceServer", serverType(server)));
        registry.iam("DeleteResourceServer", DomainActions::serverName,
                n -> servers.delete(n.poolId(), n.identifier()), Json::empty);
        registry.iam("ListResourceServers", p -> new Keys.Listing(p.userPoolId(), p.requiredInt("MaxResults", 1, 50),
                p.optional("NextToken", 1, 4096)), l -> servers.list(l.owner(), l.limit(), l.nextToken()),
                page -> Pages.write(page, "ResourceServers", "NextToken", server -> serverType(server)));
    }

    private static DomainService.DomainRequest domain(Params p) {
        String poolId = p.userPoolId();
        String domain = p.required("Domain", 1, 253);
        Integer version = p.optionalInt("ManagedLoginVersion", 1, 2);
        Params custom = p.nested("CustomDomainConfig");
        p.refuse("Routing", "Multi-region routing (Routing)");
        return new DomainService.DomainRequest(poolId, domain, version,
                custom == null ? null : custom.required("CertificateArn", 20, 2048, ARN));
    }

    /** Create and UpdateUserPoolDomain's answer: the version, and for a custom domain the host to point it at. */
    private ObjectNode created(DomainEntity domain) {
        ObjectNode answer = Json.object().put("ManagedLoginVersion", domain.managedLoginVersion);
        return domain.custom ? answer.put("CloudFrontDomain", config.hostedUiHost()) : answer;
    }

    private ObjectNode description(DomainEntity domain) {
        ObjectNode description = Json.object().put("UserPoolId", domain.poolId).put("AWSAccountId", config.accountId())
                .put("Domain", domain.domain).put("CloudFrontDistribution", config.hostedUiHost())
                .put("Version", Long.toString(domain.updatedAt.toEpochMilli())).put("Status", "ACTIVE")
                .put("ManagedLoginVersion", domain.managedLoginVersion);
        if (domain.custom) {
            description.putObject("CustomDomainConfig").put("CertificateArn", domain.certificateArn);
        }
        return description;
    }

    private static Server server(Params p) {
        String poolId = p.userPoolId();
        String identifier = p.required("Identifier", 1, 256, IDENTIFIER);
        String name = p.required("Name", 1, 256, SERVER_NAME);
        List<ResourceServer.Scope> scopes = p.objectList("Scopes", 100, s -> new ResourceServer.Scope(
                s.required("ScopeName", 1, 256, SCOPE_NAME), s.required("ScopeDescription", 1, 256)));
        return new Server(poolId, new ResourceServer(identifier, name, scopes == null ? List.of() : scopes));
    }

    private static ServerName serverName(Params p) {
        return new ServerName(p.userPoolId(), p.required("Identifier", 1, 256, IDENTIFIER));
    }

    private static ObjectNode serverType(ResourceServer server) {
        ObjectNode node = Json.object().put("Identifier", server.identifier()).put("Name", server.name());
        var scopes = node.putArray("Scopes");
        server.scopes().forEach(scope -> scopes.addObject().put("ScopeName", scope.name())
                .put("ScopeDescription", scope.description()));
        return node;
    }
}
