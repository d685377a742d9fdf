package io.cognate.userpool.api.actions;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.api.ActionGroup;
import io.cognate.userpool.api.ActionRegistry;
import io.cognate.userpool.api.Json;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.RiskConfigurationService;
import io.cognate.userpool.service.UserPoolService;

/** User pool and app client management (IAM-authorized). */
@ApplicationScoped
public class PoolActions implements ActionGroup {
    private final UserPoolService pools;
    private final AppClientService clients;
    private final RiskConfigurationService risk;

    public PoolActions(UserPoolService pools, AppClientService clients, RiskConfigurationService risk) {
        this.pools = pools;
        this.clients = clients;
        this.risk = risk;
    }

    @Override
    public void register(ActionRegistry registry) {
        registry.iam("CreateUserPool", pools::create);
        registry.iam("DescribeUserPool", r -> pools.describe(r.userPoolId()));
        registry.iam("UpdateUserPool", r -> pools.update(r).map(v -> Json.object()));
        registry.iam("DeleteUserPool", r -> pools.delete(r.userPoolId()).map(v -> Json.object()));
        registry.iam("ListUserPools", r -> {
            Integer max = r.optionalInt("MaxResults", 1, 60);
            if (max == null) {
                throw io.cognate.userpool.api.CognitoError.INVALID_PARAMETER.withMessage("1 validation error detected: "
                        + "Value at 'maxResults' failed to satisfy constraint: Member must not be null");
            }
            return pools.list(max, r.optional("NextToken", 1, 4096));
        });
        registry.iam("SetRiskConfiguration", risk::set);
        registry.iam("DescribeRiskConfiguration", risk::describe);
        registry.iam("AddCustomAttributes", r -> pools.addCustomAttributes(r).map(v -> Json.object()));

        registry.iam("CreateUserPoolClient", clients::create);
        registry.iam("DescribeUserPoolClient", r -> clients.describe(r.userPoolId(), r.clientId()));
        registry.iam("UpdateUserPoolClient", clients::update);
        registry.iam("DeleteUserPoolClient", r -> clients.delete(r.userPoolId(), r.clientId()).map(v -> Json.object()));
        registry.iam("ListUserPoolClients", r -> {
            String poolId = r.userPoolId();
            Integer max = r.optionalInt("MaxResults", 1, 60);
            return clients.list(poolId, max == null ? 60 : max, r.optional("NextToken", 1, 4096));
        });
    }
}
