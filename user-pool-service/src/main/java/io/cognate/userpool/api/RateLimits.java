package io.cognate.userpool.api;

import static io.cognate.userpool.api.CognitoError.TOO_MANY_REQUESTS;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.jose.Jws;
import io.cognate.userpool.repository.CallerContext;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.UserPool;
import io.cognate.userpool.service.UserPoolService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Request-rate quotas per user pool and category (TooManyRequestsException past the quota), counted in one-second
 * windows in PostgreSQL so that every replica sees the same count. A pool's quota is Cognito's default for the
 * category unless its UserPoolTags set {@code cognate:rate-limit:<Category>} to another number of requests per
 * second. The pool is the one the call names: UserPoolId, else its ClientId's pool, else its access token's issuer.
 */
@ApplicationScoped
public class RateLimits {
    private final Pool pool;
    private final UserPoolService pools;
    private final AppClientService clients;

    public RateLimits(Pool pool, UserPoolService pools, AppClientService clients) {
        this.pool = pool;
        this.pools = pools;
        this.clients = clients;
    }

    /** Succeeds if the call is within its pool's quota, else fails with TooManyRequestsException. */
    public Uni<Void> admit(String action, Params params) {
        RateCategory category = RateCategory.of(action, params);
        if (category == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> poolOf(params)).chain(userPool -> {
            if (userPool == null) {
                return Uni.createFrom().voidItem();
            }
            int quota = quota(userPool, category);
            long second = System.currentTimeMillis() / 1000;
            return CallerContext.resumeOnCaller(pool.preparedQuery("insert into rate_counter (pool_id, category, "
                    + "window_second, hits) values ($1, $2, $3, 1) on conflict (pool_id, category, window_second) do "
                    + "update set hits = rate_counter.hits + 1 returning hits")
                    .execute(Tuple.of(userPool.id(), category.name(), second))).map(rows -> {
                        if (rows.iterator().next().getInteger(0) > quota) {
                            throw TOO_MANY_REQUESTS.withMessage("Rate exceeded");
                        }
                        return null;
                    });
        });
    }

    /** The pool the call is about; null when it names none this deployment knows (the action will say so). */
    private Uni<UserPool> poolOf(Params params) {
        String poolId = params.node().path("UserPoolId").asText(null);
        if (poolId == null) {
            String clientId = params.node().path("ClientId").asText(null);
            if (clientId != null) {
                return clients.cachedById(clientId).chain(client -> pools.cached(client.poolId()))
                        .onFailure(CognitoException.class).recoverWithNull();
            }
            poolId = issuerPool(params.node().path("AccessToken").asText(null));
        }
        if (poolId == null || !Params.USER_POOL_ID.matcher(poolId).matches()) {
            return Uni.createFrom().nullItem();
        }
        return pools.cached(poolId).onFailure(CognitoException.class).recoverWithNull();
    }

    /** The pool named by an access token's issuer, read without verifying it: only to pick whose quota counts. */
    private static String issuerPool(String accessToken) {
        String iss = Jws.parse(accessToken).flatMap(Jws.Parsed::claims).map(c -> c.path("iss").asText(""))
                .orElse("");
        return iss.isEmpty() ? null : iss.substring(iss.lastIndexOf('/') + 1);
    }

    private static int quota(UserPool userPool, RateCategory category) {
        String tagged = userPool.settings().path("UserPoolTags").path(RateCategory.TAG_PREFIX + category.name())
                .asText(null);
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
