package io.cognate.identitypool.service;

import static io.cognate.identitypool.error.IdentityError.DEVELOPER_USER_ALREADY_REGISTERED;
import static io.cognate.identitypool.error.IdentityError.INVALID_PARAMETER;
import static io.cognate.identitypool.error.IdentityError.NOT_AUTHORIZED;
import static io.cognate.identitypool.error.IdentityError.RESOURCE_CONFLICT;
import static io.cognate.identitypool.error.IdentityError.RESOURCE_NOT_FOUND;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.identitypool.logins.VerifiedLogin;
import io.cognate.identitypool.messaging.IdentityEventType;
import io.cognate.identitypool.messaging.IdentityEvents;
import io.cognate.identitypool.model.IdentityPool;
import io.cognate.identitypool.repository.IdentityLoginRepository;
import io.cognate.identitypool.repository.IdentityRepository;
import io.smallrye.mutiny.Uni;

/**
 * Developer-authenticated identities: the developer's backend (signed) names its own user under the pool's
 * DeveloperProviderName and gets the identity and an OpenID token for it; it can look its users up, merge two of them
 * and unlink one.
 */
@ApplicationScoped
public class DeveloperIdentities {
    /** Cognito's default lifetime of a developer OpenID token: 15 minutes. */
    static final Duration DEFAULT_TOKEN_DURATION = Duration.ofMinutes(15);

    /** A page of LookupDeveloperIdentity. */
    public record Lookup(String identityId, List<String> userIdentifiers, String nextToken) {
    }

    private final IdentityStore store;
    private final IdentityLoginRepository logins;
    private final IdentityRepository identities;
    private final OpenIdTokens openIdTokens;
    private final IdentityEvents events;
    private final Transactions transactions;

    public DeveloperIdentities(IdentityStore store, IdentityLoginRepository logins, IdentityRepository identities,
            OpenIdTokens openIdTokens, IdentityEvents events, Transactions transactions) {
        this.events = events;
        this.store = store;
        this.logins = logins;
        this.identities = identities;
        this.openIdTokens = openIdTokens;
        this.transactions = transactions;
    }

    /** GetOpenIdTokenForDeveloperIdentity: the identity of the developer's user (created or linked), and its token. */
    public Uni<String[]> openIdToken(String poolId, Map<String, String> loginMap, String identityId,
            Map<String, String> principalTags, Duration duration) {
        return store.pool(poolId).chain(pool -> {
            String provider = developerProvider(pool);
            String user = loginMap.get(provider);
            if (user == null || loginMap.size() != 1) {
                throw INVALID_PARAMETER.withMessage("Logins must hold the pool's developer provider (%s) alone.",
                        provider);
            }
            return register(poolId, provider, user, identityId).chain(id -> openIdTokens.mint(id, poolId,
                    List.of("authenticated", provider), principalTags,
                    duration == null ? DEFAULT_TOKEN_DURATION : duration).map(token -> new String[] { id, token }));
        });
    }

    Uni<String> register(String poolId, String provider, String user, String identityId) {
        return transactions.session(() -> logins.findLogin(poolId, provider, user).chain(existing -> {
            if (existing != null) {
                if (identityId != null && !identityId.equals(existing.identityId)) {
                    throw DEVELOPER_USER_ALREADY_REGISTERED.withMessage("The provided developer user identifier is "
                            + "already registered with Cognito under a different identity ID.");
                }
                return Uni.createFrom().item(existing.identityId);
            }
            VerifiedLogin login = VerifiedLogin.developerUser(provider, user);
            if (identityId == null) {
                return store.linkAll(poolId, List.of(login));
            }
            return identities.findById(identityId).chain(identity -> {
                if (identity == null || !identity.poolId.equals(poolId)) {
                    throw RESOURCE_NOT_FOUND.withMessage("Identity '%s' not found.", identityId);
                }
                return store.linkTo(poolId, identityId, List.of(login)).replaceWith(identityId);
            });
        }));
    }

    /** LookupDeveloperIdentity by identity or by developer user (both: they must agree). */
    public Uni<Lookup> lookup(String poolId, String identityId, String user, int max, String nextToken) {
        return transactions.session(() -> {
            if (identityId == null && user == null) {
                throw INVALID_PARAMETER.withMessage("Either IdentityId or DeveloperUserIdentifier is required.");
            }
            return store.pool(poolId).chain(pool -> {
                String provider = developerProvider(pool);
                Uni<String> owner = user == null ? Uni.createFrom().item(identityId)
                        : logins.findLogin(poolId, provider, user).map(login -> {
                            if (login == null) {
                                throw RESOURCE_NOT_FOUND.withMessage("Developer user identifier not found.");
                            }
                            if (identityId != null && !identityId.equals(login.identityId)) {
                                throw RESOURCE_CONFLICT.withMessage("The developer user identifier belongs to another "
                                        + "identity.");
                            }
                            return login.identityId;
                        });
                return owner.chain(id -> logins.ofProvider(poolId, provider, id).map(rows -> {
                    List<String> users = rows.stream().map(r -> r.subject)
                            .filter(s -> nextToken == null || s.compareTo(nextToken) > 0).limit(max + 1L).toList();
                    List<String> page = users.stream().limit(max).toList();
                    return new Lookup(id, page, users.size() > max ? page.get(page.size() - 1) : null);
                }));
            });
        });
    }

    /** MergeDeveloperIdentities: the source user's identity folds into the destination user's, which is answered. */
    public Uni<String> merge(String poolId, String provider, String source, String destination) {
        return transactions.transaction(() -> store.pool(poolId).chain(pool -> {
            if (!provider.equals(developerProvider(pool))) {
                throw INVALID_PARAMETER.withMessage("DeveloperProviderName does not match the identity pool's.");
            }
            return logins.findLogin(poolId, provider, source).chain(from -> logins.findLogin(poolId, provider,
                    destination).chain(to -> {
                        if (from == null || to == null) {
                            throw RESOURCE_NOT_FOUND.withMessage("Developer user identifier not found.");
                        }
                        if (from.identityId.equals(to.identityId)) {
                            return Uni.createFrom().item(to.identityId);
                        }
                        return logins.moveAll(poolId, from.identityId, to.identityId)
                                .chain(() -> identities.disable(poolId, from.identityId))
                                .chain(() -> events.record(IdentityEventType.IdentitiesMerged, poolId, to.identityId,
                                        Map.of("mergedIdentityId", from.identityId)))
                                .replaceWith(to.identityId);
                    }));
        }));
    }

    /** UnlinkDeveloperIdentity: the developer user no longer names the identity. */
    public Uni<Void> unlink(String poolId, String identityId, String provider, String user) {
        return transactions.transaction(() -> logins.findLogin(poolId, provider, user).chain(login -> {
            if (login == null || !login.identityId.equals(identityId)) {
                throw RESOURCE_NOT_FOUND.withMessage("Developer user identifier not found for this identity.");
            }
            return logins.delete(login).chain(() -> events.record(IdentityEventType.LoginsUnlinked, poolId,
                    identityId, Map.of("providers", provider)));
        }));
    }

    private static String developerProvider(IdentityPool pool) {
        if (pool.developerProviderName() == null) {
            throw NOT_AUTHORIZED.withMessage("The identity pool has no DeveloperProviderName.");
        }
        return pool.developerProviderName();
    }
}
