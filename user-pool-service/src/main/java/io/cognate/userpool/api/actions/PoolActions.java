package io.cognate.userpool.api.actions;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.awsjson.Json;
import io.cognate.userpool.api.ActionGroup;
import io.cognate.userpool.api.ActionRegistry;
import io.cognate.userpool.api.Params;
import io.cognate.userpool.api.wire.ClientJson;
import io.cognate.userpool.api.wire.ClientRequests;
import io.cognate.userpool.api.wire.Pages;
import io.cognate.userpool.api.wire.PoolJson;
import io.cognate.userpool.api.wire.PoolRequests;
import io.cognate.userpool.config.CognateConfig;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.RiskConfigurationService;
import io.cognate.userpool.service.UserPoolService;

/** User pool and app client management (IAM-authorized). */
@ApplicationScoped
public class PoolActions implements ActionGroup {
    private final UserPoolService pools;
    private final AppClientService clients;
    private final RiskConfigurationService risk;
    private final CognateConfig config;

    public PoolActions(UserPoolService pools, AppClientService clients, RiskConfigurationService risk,
            CognateConfig config) {
        this.pools = pools;
        this.clients = clients;
        this.risk = risk;
        this.config = config;
    }

    @Override
    public void register(ActionRegistry registry) {
        registry.iam("CreateUserPool", PoolRequests::createUserPool, pools::create,
                pool -> PoolJson.describe(new UserPoolService.Description(pool, 0, null, null), config.region(),
                        config.accountId()));
        registry.iam("DescribeUserPool", Params::userPoolId, pools::describe,
                description -> PoolJson.describe(description, config.region(), config.accountId()));
        registry.iam("UpdateUserPool", PoolRequests::updateUserPool, pools::update, Json::empty);
        registry.iam("DeleteUserPool", Params::userPoolId, pools::delete, Json::empty);
        registry.iam("ListUserPools", p -> {
            Integer max = p.optionalInt("MaxResults", 1, 60);
            String nextToken = p.optional("NextToken", 1, 4096);
            if (max == null) {
                throw INVALID_PARAMETER.withMessage("1 validation error detected: Value null at 'maxResults' failed to "
                        + "satisfy constraint: Member must not be null");
            }
            return new Keys.Listing(null, max, nextToken);
        }, r -> pools.list(r.limit(), r.nextToken()),
                page -> Pages.write(page, "UserPools", "NextToken", PoolJson::listed));
        registry.iam("AddCustomAttributes", PoolRequests::addCustomAttributes,
                r -> pools.addCustomAttributes(r.poolId(), r.attributes()), Json::empty);
        registry.iam("SetRiskConfiguration", PoolRequests::setRiskConfiguration, r -> risk.set(r.poolId(), r.risk()),
                PoolJson::riskConfig);
        registry.iam("DescribeRiskConfiguration", p -> {
            String poolId = p.userPoolId();
            p.refuse("ClientId", "Risk configurations per app client (ClientId)");
            return poolId;
        }, risk::describe, PoolJson::riskConfig);

        registry.iam("CreateUserPoolClient", ClientRequests::createUserPoolClient, clients::create,
                ClientJson::describe);
        registry.iam("DescribeUserPoolClient", Keys.PoolClient::of, k -> clients.require(k.poolId(), k.clientId()),
                ClientJson::describe);
        registry.iam("UpdateUserPoolClient", ClientRequests::updateUserPoolClient,
                r -> clients.update(r.poolId(), r.clientId(), r.name(), r.settings()), ClientJson::describe);
        registry.iam("DeleteUserPoolClient", Keys.PoolClient::of, k -> clients.delete(k.poolId(), k.clientId()),
                Json::empty);
        registry.iam("ListUserPoolClients", p -> {
            String poolId = p.userPoolId();
            Integer max = p.optionalInt("MaxResults", 1, 60);
            return new Keys.Listing(poolId, max == null ? 60 : max, p.optional("NextToken", 1, 4096));
        }, r -> clients.list(r.owner(), r.limit(), r.nextToken()),
                page -> Pages.write(page, "UserPoolClients", "NextToken", ClientJson::listed));
    }
}
