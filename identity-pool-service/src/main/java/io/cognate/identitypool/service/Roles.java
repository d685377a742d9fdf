package io.cognate.identitypool.service;

import static io.cognate.identitypool.error.IdentityError.DELETE_CONFLICT;
import static io.cognate.identitypool.error.IdentityError.ENTITY_ALREADY_EXISTS;
import static io.cognate.identitypool.error.IdentityError.MALFORMED_POLICY_DOCUMENT;
import static io.cognate.identitypool.error.IdentityError.NO_SUCH_ENTITY;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.identitypool.config.CognateConfig;
import io.cognate.identitypool.policy.MalformedPolicyException;
import io.cognate.identitypool.policy.PolicyDocument;
import io.cognate.identitypool.repository.RoleEntity;
import io.cognate.identitypool.repository.RolePolicyEntity;
import io.cognate.identitypool.repository.RolePolicyRepository;
import io.cognate.identitypool.repository.RoleRepository;
import io.smallrye.mutiny.Uni;

/**
 * The IAM roles this deployment keeps (CreateRole, PutRolePolicy and their readers), with IAM's errors; policies are
 * read when stored, so a policy the evaluator cannot honour is refused then. Roles being assumed or enforced are kept
 * in memory for {@code cognate.config-cache-ttl}: a changed policy takes effect within it on every replica.
 */
@ApplicationScoped
public class Roles {
    private record Cached(Role.Assumable role, Instant loadedAt) {
    }

    private final RoleRepository roles;
    private final RolePolicyRepository policies;
    private final String accountId;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> byArn = new ConcurrentHashMap<>();
    private final Transactions transactions;

    public Roles(RoleRepository roles, RolePolicyRepository policies, CognateConfig config, Clock clock,
            Transactions transactions) {
        this.roles = roles;
        this.policies = policies;
        this.accountId = config.accountId();
        this.ttl = config.configCacheTtl();
        this.clock = clock;
        this.transactions = transactions;
    }

    public String accountId() {
        return accountId;
    }

    public Uni<Role> create(String name, String path, String trustPolicy, String description, int maxSessionDuration) {
        return transactions.transaction(() -> {
            parse(trustPolicy);
            return roles.findById(name).chain(existing -> {
                if (existing != null) {
                    throw ENTITY_ALREADY_EXISTS.withMessage("Role with name %s already exists.", name);
                }
                RoleEntity row = new RoleEntity();
                row.name = name;
                row.path = path;
                row.arn = "arn:aws:iam::" + accountId + ":role" + path + name;
                row.roleId = "AROA"
                        + TemporaryCredentials.random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray(), 17);
                row.assumeRolePolicy = trustPolicy;
                row.description = description;
                row.maxSessionDuration = maxSessionDuration;
                row.createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                return roles.persist(row).map(Roles::role);
            });
        });
    }

    public Uni<Role> get(String name) {
        return transactions.session(() -> roles.findById(name).map(row -> role(found(row, name))));
    }

    public Uni<List<Role>> list() {
        return transactions.session(() -> roles.all().map(rows -> rows.stream().map(Roles::role).toList()));
    }

    public Uni<Void> delete(String name) {
        return transactions.transaction(() -> roles.findById(name).chain(row -> policies.ofRole(found(row, name).name)
                .chain(attached -> {
                    if (!attached.isEmpty()) {
                        throw DELETE_CONFLICT.withMessage("Cannot delete entity, must delete policies first.");
                    }
                    byArn.remove(row.arn);
                    return roles.delete(row);
                })));
    }

    public Uni<Void> updateTrustPolicy(String name, String trustPolicy) {
        return transactions.transaction(() -> {
            parse(trustPolicy);
            return roles.findById(name).invoke(row -> {
                found(row, name).assumeRolePolicy = trustPolicy;
                byArn.remove(row.arn);
            }).replaceWithVoid();
        });
    }

    public Uni<Void> putPolicy(String roleName, String policyName, String document) {
        return transactions.transaction(() -> {
            parse(document);
            return roles.findById(roleName).chain(row -> {
                found(row, roleName);
                byArn.remove(row.arn);
                return policies.find(roleName, policyName).chain(existing -> {
                    if (existing != null) {
                        existing.document = document;
                        return Uni.createFrom().voidItem();
                    }
                    RolePolicyEntity policy = new RolePolicyEntity();
                    policy.roleName = roleName;
                    policy.policyName = policyName;
                    policy.document = document;
                    return policies.persist(policy).replaceWithVoid();
                });
            });
        });
    }

    public Uni<String> getPolicy(String roleName, String policyName) {
        return transactions.session(() -> policies.find(roleName, policyName).map(policy -> {
            if (policy == null) {
                throw NO_SUCH_ENTITY.withMessage("The role policy with name %s cannot be found.", policyName);
            }
            return policy.document;
        }));
    }

    public Uni<List<String>> listPolicies(String roleName) {
        return transactions.session(() -> roles.findById(roleName)
                .chain(row -> policies.ofRole(found(row, roleName).name))
                .map(rows -> rows.stream().map(p -> p.policyName).toList()));
    }

    public Uni<Void> deletePolicy(String roleName, String policyName) {
        return transactions.transaction(() -> policies.find(roleName, policyName).chain(policy -> {
            if (policy == null) {
                throw NO_SUCH_ENTITY.withMessage("The role policy with name %s cannot be found.", policyName);
            }
            byArn.values().removeIf(cached -> cached.role().role().name().equals(roleName));
            return policies.delete(policy);
        }));
    }

    /** The role an ARN names with its policies, or null when there is none. */
    public Uni<Role.Assumable> assumable(String arn) {
        Cached cached = byArn.get(arn);
        if (cached != null && clock.instant().isBefore(cached.loadedAt().plus(ttl))) {
            return Uni.createFrom().item(cached.role());
        }
        return load(arn).invoke(role -> {
            if (role != null && !ttl.isZero()) {
                byArn.put(arn, new Cached(role, clock.instant()));
            }
        });
    }

    Uni<Role.Assumable> load(String arn) {
        return transactions.session(() -> roles.findByArn(arn).chain(row -> row == null ? Uni.createFrom().nullItem()
                : policies.ofRole(row.name).map(rows -> new Role.Assumable(role(row), PolicyDocument.parse(
                        row.assumeRolePolicy), rows.stream().map(p -> PolicyDocument.parse(p.document)).toList()))));
    }

    /** Reads a policy as the evaluator will, refusing what it cannot honour with IAM's error. */
    public static PolicyDocument parse(String document) {
        try {
            return PolicyDocument.parse(document);
        } catch (MalformedPolicyException e) {
            throw MALFORMED_POLICY_DOCUMENT.withMessage(e.getMessage());
        }
    }

    private static RoleEntity found(RoleEntity row, String name) {
        if (row == null) {
            throw NO_SUCH_ENTITY.withMessage("The role with name %s cannot be found.", name);
        }
        return row;
    }

    private static Role role(RoleEntity row) {
        return new Role(row.name, row.arn, row.roleId, row.path, row.description, row.assumeRolePolicy,
                row.maxSessionDuration, row.createdAt);
    }
}
