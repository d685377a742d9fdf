package io.cognate.identitypool.service;

import static io.cognate.identitypool.error.IdentityError.RESOURCE_CONFLICT;
import static io.cognate.identitypool.error.IdentityError.RESOURCE_NOT_FOUND;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.identitypool.config.CognateConfig;
import io.cognate.identitypool.logins.VerifiedLogin;
import io.cognate.identitypool.messaging.IdentityEventType;
import io.cognate.identitypool.messaging.IdentityEvents;
import io.cognate.identitypool.model.IdentityPool;
import io.cognate.identitypool.repository.IdentityEntity;
import io.cognate.identitypool.repository.IdentityLoginEntity;
import io.cognate.identitypool.repository.IdentityLoginRepository;
import io.cognate.identitypool.repository.IdentityPoolRepository;
import io.cognate.identitypool.repository.IdentityRepository;
import io.cognate.identitypool.repository.PoolRows;
import io.smallrye.mutiny.Uni;

/** Identities and their linked logins in PostgreSQL, each method one transaction, every query within its pool. */
@ApplicationScoped
public class IdentityStore {
    /** An identity as DescribeIdentity shows it, with the pool it belongs to. */
    public record Identity(String id, String poolId, boolean disabled, List<String> logins, Set<String> linkedSubjects,
            Instant createdAt, Instant modifiedAt) {
    }

    private final IdentityRepository identities;
    private final IdentityLoginRepository logins;
    private final IdentityPoolRepository pools;
    private final PoolCache cache;
    private final IdentityEvents events;
    private final String region;
    private final Clock clock;
    private final Transactions transactions;

    public IdentityStore(IdentityRepository identities, IdentityLoginRepository logins, IdentityPoolRepository pools,
            PoolCache cache, IdentityEvents events, CognateConfig config, Clock clock, Transactions transactions) {
        this.cache = cache;
        this.events = events;
        this.identities = identities;
        this.logins = logins;
        this.pools = pools;
        this.region = config.region();
        this.clock = clock;
        this.transactions = transactions;
    }

    /** The pool's settings, from this replica's copy when it is recent ({@link PoolCache}). */
    public Uni<IdentityPool> pool(String poolId) {
        return cache.get(poolId, () -> load(poolId));
    }

    Uni<IdentityPool> load(String poolId) {
        return transactions.session(() -> pools.findById(poolId)
                .map(row -> PoolRows.pool(IdentityPools.found(row, poolId))));
    }

    public Uni<String> create(String poolId) {
        return transactions.transaction(() -> {
            IdentityEntity row = newIdentity(poolId);
            return identities.persist(row).call(saved -> events.record(IdentityEventType.IdentityCreated, poolId,
                    row.id, Map.of("authenticated", "false"))).map(saved -> saved.id);
        });
    }

    /**
     * The identity the logins belong to: a new one holding them all when none is linked yet; the linked one, with the
     * logins it lacks linked to it; and when they are linked to several, the first, the others merged into it (their
     * logins moved, themselves disabled), as Cognito merges.
     */
    public Uni<String> linkAll(String poolId, List<VerifiedLogin> verified) {
        return transactions.transaction(() -> owners(poolId, verified).chain(found -> {
            Set<String> owners = found.stream().filter(Objects::nonNull).map(l -> l.identityId)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (owners.isEmpty()) {
                IdentityEntity row = newIdentity(poolId);
                return identities.persist(row).chain(() -> link(poolId, row.id, verified, false))
                        .call(() -> events.record(IdentityEventType.IdentityCreated, poolId, row.id, Map.of(
                                "authenticated", "true", "providers", providers(verified))))
                        .replaceWith(row.id);
            }
            String survivor = owners.iterator().next();
            Uni<Void> merges = Uni.createFrom().voidItem();
            for (String other : owners.stream().skip(1).toList()) {
                merges = merges.chain(() -> logins.moveAll(poolId, other, survivor))
                        .chain(() -> identities.disable(poolId, other, clock.instant()))
                        .chain(() -> events.record(IdentityEventType.IdentitiesMerged, poolId, survivor,
                                Map.of("mergedIdentityId", other)));
            }
            List<VerifiedLogin> unlinked = new ArrayList<>();
            for (int i = 0; i < verified.size(); i++) {
                if (found.get(i) == null) {
                    unlinked.add(verified.get(i));
                }
            }
            return merges.chain(() -> link(poolId, survivor, unlinked, true)).replaceWith(survivor);
        }));
    }

    /** Links the logins the identity lacks; {@code announce}: a LoginsLinked event (not for a new identity's own). */
    private Uni<Void> link(String poolId, String identityId, List<VerifiedLogin> verified, boolean announce) {
        if (verified.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return logins.ofIdentity(poolId, identityId).chain(existing -> {
            Map<String, String> byProvider = existing.stream()
                    .collect(Collectors.toMap(l -> l.provider, l -> l.subject, (a, b) -> a));
            List<Uni<Void>> inserts = new ArrayList<>();
            for (VerifiedLogin login : verified) {
                String current = login.onePerIdentity() ? byProvider.get(login.provider()) : null;
                if (current != null && !current.equals(login.subject())) {
                    throw RESOURCE_CONFLICT.withMessage("The identity is already linked to another login of %s.",
                            login.provider());
                }
                if (current == null) {
                    IdentityLoginEntity row = new IdentityLoginEntity();
                    row.poolId = poolId;
                    row.provider = login.provider();
                    row.subject = login.subject();
                    row.identityId = identityId;
                    byProvider.put(login.provider(), login.subject());
                    inserts.add(logins.persist(row).replaceWithVoid());
                }
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Uni<Void> insert : inserts) {
                chain = chain.chain(() -> insert);
            }
            if (inserts.isEmpty()) {
                return chain;
            }
            return chain.chain(() -> identities.touch(poolId, identityId, clock.instant()))
                    .chain(() -> !announce ? Uni.createFrom().voidItem()
                            : events.record(IdentityEventType.LoginsLinked, poolId, identityId,
                                    Map.of("providers", providers(verified))));
        });
    }

    /** Links the logins to an identity that exists; a login another identity holds is a conflict. */
    public Uni<Void> linkTo(String poolId, String identityId, List<VerifiedLogin> verified) {
        return transactions.transaction(() -> {
            if (verified.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return owners(poolId, verified).chain(found -> {
                List<VerifiedLogin> missing = new ArrayList<>();
                for (int i = 0; i < verified.size(); i++) {
                    IdentityLoginEntity owner = found.get(i);
                    if (owner != null && !owner.identityId.equals(identityId)) {
                        throw RESOURCE_CONFLICT.withMessage("Login is already linked to another identity.");
                    }
                    if (owner == null) {
                        missing.add(verified.get(i));
                    }
                }
                return link(poolId, identityId, missing, true);
            });
        });
    }

    public Uni<Identity> find(String identityId) {
        return transactions.session(() -> identities.findById(identityId).chain(row -> {
            if (row == null) {
                throw RESOURCE_NOT_FOUND.withMessage("Identity '%s' not found.", identityId);
            }
            return logins.ofIdentity(row.poolId, row.id).map(linked -> identity(row, linked));
        }));
    }

    public Uni<List<Identity>> page(String poolId, String afterId, int limit, boolean hideDisabled) {
        return transactions.session(() -> identities.page(poolId, afterId, limit, hideDisabled)
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(List.<Identity> of())
                        : logins.ofIdentities(poolId, rows.stream().map(r -> r.id).toList())
                                .map(linked -> rows.stream().map(row -> identity(row, linked.stream()
                                        .filter(l -> l.identityId.equals(row.id)).toList())).toList())));
    }

    /** Deletes the identities that exist; answers the ids that did not. */
    public Uni<List<String>> delete(List<String> identityIds) {
        return transactions.transaction(() -> identities.byIds(identityIds).chain(found -> {
            Uni<Void> recorded = Uni.createFrom().voidItem();
            for (IdentityEntity identity : found) {
                recorded = recorded.chain(() -> events.record(IdentityEventType.IdentityDeleted, identity.poolId,
                        identity.id, Map.of()));
            }
            return recorded.chain(() -> identities.deleteByIds(identityIds));
        }).replaceWith(List.of()));
    }

    /** Unlinks the identity's logins of the given providers. */
    public Uni<Void> unlinkProviders(String poolId, String identityId, List<String> providers) {
        return transactions.transaction(() -> logins.unlinkProviders(poolId, identityId, providers)
                .chain(() -> identities.touch(poolId, identityId, clock.instant()))
                .chain(() -> events.record(IdentityEventType.LoginsUnlinked, poolId, identityId,
                        Map.of("providers", String.join(",", providers)))));
    }

    /**
     * The link of each login, or null, in order: one query after another, as a database session runs one statement
     * at a time.
     */
    private Uni<List<IdentityLoginEntity>> owners(String poolId, List<VerifiedLogin> verified) {
        Uni<List<IdentityLoginEntity>> found = Uni.createFrom().item(new ArrayList<>());
        for (VerifiedLogin login : verified) {
            found = found.chain(list -> logins.findLogin(poolId, login.provider(), login.subject()).map(link -> {
                list.add(link);
                return list;
            }));
        }
        return found;
    }

    /** Records that credentials were issued to an identity (the access key id and role; never the secret). */
    public Uni<Void> issued(String poolId, String identityId, Map<String, String> details) {
        return events.recordAlone(IdentityEventType.CredentialsIssued, poolId, identityId, details);
    }

    private static String providers(List<VerifiedLogin> verified) {
        return String.join(",", verified.stream().map(VerifiedLogin::provider).distinct().toList());
    }

    private IdentityEntity newIdentity(String poolId) {
        IdentityEntity row = new IdentityEntity();
        row.id = region + ":" + UUID.randomUUID();
        row.poolId = poolId;
        row.createdAt = clock.instant();
        row.modifiedAt = row.createdAt;
        return row;
    }

    private static Identity identity(IdentityEntity row, List<IdentityLoginEntity> linked) {
        return new Identity(row.id, row.poolId, row.disabled,
                linked.stream().map(l -> l.provider).distinct().toList(),
                linked.stream().map(l -> l.provider + "\u0000" + l.subject).collect(Collectors.toSet()),
                row.createdAt, row.modifiedAt);
    }
}
