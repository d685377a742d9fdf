package io.cognate.userpool.api;

import static io.cognate.userpool.error.CognitoError.TOO_MANY_REQUESTS;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.jose.Jws;
import io.cognate.userpool.error.CognitoException;
import io.cognate.userpool.repository.CallerContext;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.UserPool;
import io.cognate.userpool.service.UserPoolService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Request-rate quotas per user pool and category (TooManyRequestsException past the quota), in one-second windows
 * shared by every replica through PostgreSQL. A replica leases a slice of a window's quota at a time (one statement
 * grants it, atomically, only while the window's total stays within the quota) and admits calls from its slice
 * without further I/O; so the replicas together never admit more than the quota, and a busy pool costs about one
 * statement per slice rather than one per call. A pool's quota is Cognito's default for the category unless its
 * UserPoolTags set {@code cognate:rate-limit:<Category>} to another number of requests per second. The pool is the
 * one the call names: UserPoolId, else its ClientId's pool, else its access token's issuer.
 */
@ApplicationScoped
public class RateLimits {
    /** A slice is this fraction of the quota (at least one call), so a quota is spread over at most 20 leases. */
    private static final int SLICES_PER_QUOTA = 20;
    private static final int MAX_LEASES = 100_000;

    private final Pool pool;
    private final UserPoolService pools;
    private final AppClientService clients;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();

    /** What this replica may still admit in one window without asking PostgreSQL. */
    private record Lease(long window, AtomicInteger remaining) {
    }

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
        return Panache.withSession(() -> poolOf(params)).chain(userPool -> admit(category, userPool));
    }

    /** Succeeds if a call of the category is within the pool's quota (none: a pool this deployment doesn't know). */
    public Uni<Void> admit(RateCategory category, UserPool userPool) {
        if (userPool == null) {
            return Uni.createFrom().voidItem();
        }
        String key = userPool.id() + "/" + category.name();
        long window = System.currentTimeMillis() / 1000;
        Lease lease = leases.get(key);
        if (lease != null && lease.window() == window && lease.remaining().getAndDecrement() > 0) {
            return Uni.createFrom().voidItem();
        }
        return lease(userPool.id(), category, quota(userPool, category), window).map(granted -> {
            if (granted == 0) {
                throw TOO_MANY_REQUESTS.withMessage("Rate exceeded");
            }
            if (leases.size() >= MAX_LEASES) {
                leases.clear();
            }
            leases.put(key, new Lease(window, new AtomicInteger(granted - 1)));
            return null;
        });
    }

    /**
     * Takes a slice of the window's quota for this replica: the whole slice if it fits, else a single call if that
     * fits, else nothing. Answers how many calls were granted.
     */
    private Uni<Integer> lease(String poolId, RateCategory category, int quota, long window) {
        int slice = Math.max(1, quota / SLICES_PER_QUOTA);
        if (quota <= 0) {
            return Uni.createFrom().item(0);
        }
        return grant(poolId, category, window, slice, quota)
                .chain(granted -> granted > 0 || slice == 1 ? Uni.createFrom().item(granted)
                        : grant(poolId, category, window, 1, quota));
    }

    private Uni<Integer> grant(String poolId, RateCategory category, long window, int calls, int quota) {
        return CallerContext.resumeOnCaller(pool.preparedQuery("insert into rate_counter (pool_id, category, "
                + "window_second, hits) values ($1, $2, $3, $4) on conflict (pool_id, category, window_second) do "
                + "update set hits = rate_counter.hits + $4 where rate_counter.hits + $4 <= $5 returning hits")
                .execute(Tuple.of(poolId, category.name(), window, calls, quota))
                .map(rows -> rows.rowCount() == 0 ? 0 : calls));
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
