package io.cognate.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.cognate.database.CallerContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Request-rate quotas in one-second windows, shared by every replica through PostgreSQL (the service's
 * {@code rate_counter} table: pool_id, category, window_second, hits). A replica leases a slice of a window's quota at a
 * time (one statement grants it, atomically, only while the window's total stays within the quota) and admits calls
 * from its slice without further I/O; so the replicas together never admit more than the quota, and a busy scope costs
 * about one statement per slice rather than one per call. Old windows are the service's housekeeping to delete.
 */
public final class RateWindows {
    /** A slice is this fraction of the quota (at least one call), so a quota is spread over at most 20 leases. */
    private static final int SLICES_PER_QUOTA = 20;
    private static final int MAX_LEASES = 100_000;

    private final Pool pool;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();
    private final Map<String, Uni<Integer>> refills = new ConcurrentHashMap<>();

    /** What this replica may still admit in one window without asking PostgreSQL. */
    private record Lease(long window, AtomicInteger remaining) {
    }

    public RateWindows(Pool pool) {
        this.pool = pool;
    }

    /**
     * Whether one more call of the category, in the scope (a pool's id), fits the quota (requests per second) in the
     * current second. Completes without I/O while this replica's slice lasts; otherwise answers on the Vert.x context
     * it was called from, so that a database session there can go on.
     */
    public Uni<Boolean> admit(String scope, String category, int quota) {
        String key = scope + "/" + category;
        long window = System.currentTimeMillis() / 1000;
        if (take(key, window)) {
            return Uni.createFrom().item(true);
        }
        // One lease request per scope and category at a time: calls that find the slice spent while one is under way
        // wait for it and share its slice, rather than each taking a slice of its own (32 concurrent calls at a
        // window's start once took 32 slices, spent the quota's 20 and were refused below the quota).
        Uni<Integer> refill = refills.computeIfAbsent(key, k -> lease(scope, category, quota, window).invoke(granted -> {
            if (leases.size() >= MAX_LEASES) {
                leases.clear();
            }
            if (granted > 0) {
                leases.put(k, new Lease(window, new AtomicInteger(granted)));
            }
        }).eventually(() -> {
            refills.remove(k); // a Runnable: as a Supplier, the removed Uni (this one) would be awaited, forever
        }).memoize().indefinitely());
        refill = CallerContext.resumeOnCaller(refill);
        // A slice shared by more callers than it holds: the rest ask again (until PostgreSQL grants no more).
        return refill.chain(granted -> granted == 0 ? Uni.createFrom().item(false)
                : take(key, window) ? Uni.createFrom().item(true) : admit(scope, category, quota));
    }

    /** One call from this replica's slice of the window, if it has one left. */
    private boolean take(String key, long window) {
        Lease lease = leases.get(key);
        return lease != null && lease.window() == window && lease.remaining().getAndDecrement() > 0;
    }

    /** Deletes the windows older than a minute (housekeeping, on any replica); answers how many rows went. */
    public static Uni<Integer> prune(Pool pool) {
        return pool.withConnection(c -> c.query("delete from rate_counter where window_second < extract(epoch from "
                + "now()) - 60").execute()).map(rows -> rows.rowCount());
    }

    /**
     * Takes a slice of the window's quota for this replica: the whole slice if it fits, else a single call if that
     * fits, else nothing. Answers how many calls were granted.
     */
    private Uni<Integer> lease(String scope, String category, int quota, long window) {
        int slice = Math.max(1, quota / SLICES_PER_QUOTA);
        if (quota <= 0) {
            return Uni.createFrom().item(0);
        }
        return grant(scope, category, window, slice, quota)
                .chain(granted -> granted > 0 || slice == 1 ? Uni.createFrom().item(granted)
                        : grant(scope, category, window, 1, quota));
    }

    private Uni<Integer> grant(String scope, String category, long window, int calls, int quota) {
        return pool.withConnection(c -> c.preparedQuery("insert into rate_counter (pool_id, category, window_second, "
                + "hits) values ($1, $2, $3, $4) on conflict (pool_id, category, window_second) do update set hits = "
                + "rate_counter.hits + $4 where rate_counter.hits + $4 <= $5 returning hits")
                .execute(Tuple.of(scope, category, window, calls, quota)))
                .map(rows -> rows.rowCount() == 0 ? 0 : calls);
    }
}
