package io.cognate.identitypool.api;

import static io.cognate.identitypool.error.IdentityError.TOO_MANY_REQUESTS;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.cognate.database.OneReplica;
import io.cognate.identitypool.config.CognateConfig;
import io.cognate.ratelimit.RateWindows;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Request-rate quotas per operation (TooManyRequestsException past the quota), counted across every replica
 * ({@link RateWindows}) for the deployment's account, as Cognito counts them: Cognito's defaults, or
 * {@code cognate.rate-limits}.
 */
@ApplicationScoped
public class RateLimits {
    private static final long PRUNE_LOCK = 0x636f676e6177L;
    /**
     * Cognito's default quotas, in requests per second (Amazon Cognito developer guide, "Quotas": identity pools API
     * operation request rate quotas). Each applies to one operation, summed over all of the account's identity pools;
     * the other operations have none.
     */
    static final Map<String, Integer> DEFAULTS = Map.of(
            "GetId", 25,
            "GetOpenIdToken", 200,
            "GetCredentialsForIdentity", 200,
            "GetOpenIdTokenForDeveloperIdentity", 50,
            "ListIdentities", 5,
            "DeleteIdentities", 10,
            "TagResource", 5,
            "UntagResource", 5,
            "ListTagsForResource", 10);
    private static final Logger LOG = Logger.getLogger(RateLimits.class);

    private final RateWindows windows;
    private final Pool pool;
    private final String account;
    private final Map<String, Integer> quotas;

    public RateLimits(Pool pool, CognateConfig config) {
        this.windows = new RateWindows(pool);
        this.pool = pool;
        this.account = config.accountId();
        this.quotas = quotas(config.rateLimits().orElse(List.of()));
    }

    /** Succeeds if a call of the operation is within its quota (an operation without one always is). */
    public Uni<Void> admit(String operation) {
        Integer quota = quotas.get(operation);
        if (quota == null) {
            return Uni.createFrom().voidItem();
        }
        return windows.admit(account, operation, quota).map(admitted -> {
            if (!admitted) {
                throw TOO_MANY_REQUESTS.withMessage("Rate exceeded");
            }
            return null;
        });
    }

    /** Past windows are deleted a minute on (any replica; the delete is idempotent). */
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> prune() {
        return OneReplica.run(pool, PRUNE_LOCK, () -> RateWindows.prune(pool)).onFailure()
                .invoke(failure -> LOG.warnf("rate counter prune failed: %s",
                        failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Cognito's defaults with the configured ones over them; a setting that names no such operation stops the start. */
    static Map<String, Integer> quotas(List<String> settings) {
        Map<String, Integer> quotas = new HashMap<>(DEFAULTS);
        for (String setting : settings) {
            String[] parts = setting.strip().split("=", 2);
            if (parts.length != 2 || !DEFAULTS.containsKey(parts[0].strip())) {
                throw new IllegalArgumentException("cognate.rate-limits: expected Operation=requests per second, one "
                        + "of " + DEFAULTS.keySet() + ", not '" + setting + "'");
            }
            try {
                quotas.put(parts[0].strip(), Math.max(0, Integer.parseInt(parts[1].strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cognate.rate-limits: '" + setting + "' is not a number of "
                        + "requests per second", e);
            }
        }
        return Map.copyOf(quotas);
    }
}
