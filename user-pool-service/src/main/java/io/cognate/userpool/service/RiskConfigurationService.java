package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.USER_POOL_ADD_ON_NOT_ENABLED;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.userpool.model.PoolSettings;
import io.smallrye.mutiny.Uni;

/**
 * SetRiskConfiguration / DescribeRiskConfiguration for threat protection's compromised-credentials check, per user
 * pool: which events (SIGN_UP, PASSWORD_CHANGE) refuse a password from the leaked-password list. Without a
 * configuration an ENFORCED pool blocks on every event, as Cognito's defaults do. UpdateUserPool leaves it as it is.
 */
@ApplicationScoped
public class RiskConfigurationService {
    private final UserPoolService pools;
    private final Transactions transactions;

    public RiskConfigurationService(UserPoolService pools, Transactions transactions) {
        this.pools = pools;
        this.transactions = transactions;
    }

    /** Sets (or, with null, removes) the pool's compromised-credentials configuration. */
    public Uni<UserPool> set(String poolId, PoolSettings.Risk risk) {
        return pools.changeSettings(poolId, pool -> {
            if ("OFF".equals(pool.advancedSecurityMode())) {
                throw USER_POOL_ADD_ON_NOT_ENABLED.withMessage("Threat protection (UserPoolAddOns.AdvancedSecurityMode) "
                        + "is not enabled for this user pool.");
            }
            return pool.settings().withRisk(risk);
        });
    }

    public Uni<UserPool> describe(String poolId) {
        return transactions.session(() -> pools.require(poolId));
    }
}
