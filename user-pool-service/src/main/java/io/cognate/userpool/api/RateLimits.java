package io.cognate.userpool.api;

import static io.cognate.userpool.error.CognitoError.TOO_MANY_REQUESTS;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.jose.Jws;
import io.cognate.database.rows.Transactions;
import io.cognate.ratelimit.RateWindows;
import io.cognate.userpool.error.CognitoException;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.UserPool;
import io.cognate.userpool.service.UserPoolService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Request-rate quotas per user pool and category (TooManyRequestsException past the quota), in one-second windows
 * shared by every replica ({@link RateWindows}). A pool's quota is Cognito's default for the category unless its
 * UserPoolTags set {@code cognate:rate-limit:<Category>} to another number of requests per second. The pool is the
 * one the call names: UserPoolId, else its ClientId's pool, else its access token's issuer.
 */
@ApplicationScoped
public class RateLimits {
    private final RateWindows windows;
    private final UserPoolService pools;
    private final AppClientService clients;
    private final Transactions transactions;

    public RateLimits(Pool pool, UserPoolService pools, AppClientService clients, Transactions transactions) {
        this.windows = new RateWindows(pool);
        this.pools = pools;
        this.clients = clients;
        this.transactions = transactions;
    }

    /** Succeeds if the call is within its pool's quota, else fails with TooManyRequestsException. */
    public Uni<Void> admit(String action, Params params) {
        RateCategory category = RateCategory.of(action, params);
        if (category == null) {
            return Uni.createFrom().voidItem();
        }
        return transactions.session(() -> poolOf(params)).chain(userPool -> admit(category, userPool));
    }

    /** Succeeds if a call of the category is within the pool's quota (none: a pool this deployment doesn't know). */
    public Uni<Void> admit(RateCategory category, UserPool userPool) {
        if (userPool == null) {
            return Uni.createFrom().voidItem();
        }
        return windows.admit(userPool.id(), category.name(), quota(userPool, category)).map(admitted -> {
            if (!admitted) {
                throw TOO_MANY_REQUESTS.withMessage("Rate exceeded");
            }
            return null;
        });
    }

    /** The pool the call is about; null when it names none this deployment knows (the action will say so). */
    private Uni<UserPool> poolOf(Params params) {
        String poolId = params.peek("UserPoolId");
        if (poolId == null) {
            String clientId = params.peek("ClientId");
            if (clientId != null) {
                return clients.cachedById(clientId).chain(client -> pools.cached(client.poolId()))
                        .onFailure(CognitoException.class).recoverWithNull();
            }
            poolId = issuerPool(params.peek("AccessToken"));
        }
        if (poolId == null || !Params.USER_POOL_ID.matcher(poolId).matches()) {
            return Uni.createFrom().nullItem();
        }
        return pools.cached(poolId).onFailure(CognitoException.class).recoverWithNull();
    }

    /** The pool named by an access token's issuer, read without verifying it: only to pick whose quota counts. */
    private static String issuerPool(String accessToken) {
        String iss = Jws.parse(accessToken).flatMap(Jws.Parsed::claimsMap)
                .map(c -> c.get("iss") instanceof String s ? s : "").orElse("");
        return iss.isEmpty() ? null : iss.substring(iss.lastIndexOf('/') + 1);
    }

    private static int quota(UserPool userPool, RateCategory category) {
        String tagged = userPool.tags().get(RateCategory.TAG_PREFIX + category.name());
        if (tagged != null) {
            try {
                return Math.max(0, Integer.parseInt(tagged.strip()));
            } catch (NumberFormatException e) {
                return category.defaultQuota();
            }
        }
        return category.defaultQuota();
    }
}
