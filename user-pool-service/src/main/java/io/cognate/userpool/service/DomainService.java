package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.userpool.repository.DomainEntity;
import io.cognate.userpool.repository.DomainRepository;
import io.smallrye.mutiny.Uni;

/**
 * A pool's domains, where its hosted pages and OAuth endpoints answer: one prefix domain and one custom domain at most,
 * each unique in the deployment, active at once. A custom domain names the certificate its TLS uses
 * (CustomDomainConfig); TLS itself ends at the deployment's ingress.
 */
@ApplicationScoped
public class DomainService {
    private static final Pattern PREFIX = Pattern.compile("^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$");
    private static final Pattern FQDN = Pattern.compile(
            "^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");
    private static final List<String> RESERVED = List.of("aws", "amazon", "cognito");

    /** Create or UpdateUserPoolDomain, parsed; {@code certificateArn} null for a prefix domain. */
    public record DomainRequest(String poolId, String domain, Integer managedLoginVersion, String certificateArn) {
    }

    private final UserPoolService pools;
    private final DomainRepository domains;
    private final Transactions transactions;

    public DomainService(UserPoolService pools, DomainRepository domains, Transactions transactions) {
        this.pools = pools;
        this.domains = domains;
        this.transactions = transactions;
    }

    public Uni<DomainEntity> create(DomainRequest request) {
        return transactions.transaction(() -> {
            boolean custom = request.certificateArn() != null;
            // A prefix must be lower case already (its pattern); a custom domain is a host name, in any case.
            String domain = checked(custom ? request.domain().toLowerCase(Locale.ROOT) : request.domain(), custom);
            return pools.require(request.poolId()).chain(pool -> domains.findById(domain)).chain(existing -> {
                if (existing != null) {
                    throw INVALID_PARAMETER.withMessage("Domain already associated with another user pool.");
                }
                return domains.ofPool(request.poolId());
            }).chain(owned -> {
                if (owned.stream().anyMatch(d -> d.custom == custom)) {
                    throw INVALID_PARAMETER.withMessage(custom ? "User pool already has a custom domain configured."
                            : "User pool already has a domain configured.");
                }
                DomainEntity entity = new DomainEntity();
                entity.domain = domain;
                entity.poolId = request.poolId();
                entity.custom = custom;
                entity.certificateArn = request.certificateArn();
                entity.managedLoginVersion = request.managedLoginVersion() == null ? 1 : request.managedLoginVersion();
                entity.createdAt = Instant.now();
                entity.updatedAt = entity.createdAt;
                return domains.persist(entity);
            });
        });
    }

    /** The domain, or null when no pool has it (DescribeUserPoolDomain then answers an empty description). */
    public Uni<DomainEntity> describe(String domain) {
        return transactions.session(() -> domains.findById(domain.toLowerCase(Locale.ROOT)));
    }

    /** UpdateUserPoolDomain: the managed login version, and a custom domain's certificate. */
    public Uni<DomainEntity> update(DomainRequest request) {
        return transactions.transaction(() -> owned(request.poolId(), request.domain()).chain(entity -> {
            if (request.managedLoginVersion() != null) {
                entity.managedLoginVersion = request.managedLoginVersion();
            }
            if (request.certificateArn() != null) {
                if (!entity.custom) {
                    throw INVALID_PARAMETER.withMessage("User pool should have a custom domain associated, failed to "
                            + "update the certificate.");
                }
                entity.certificateArn = request.certificateArn();
            }
            entity.updatedAt = Instant.now();
            return domains.persist(entity);
        }));
    }

    public Uni<Void> delete(String poolId, String domain) {
        return transactions.transaction(() -> owned(poolId, domain).chain(domains::delete));
    }

    /** The pool's domains, for DescribeUserPool's Domain and CustomDomain. */
    public Uni<List<DomainEntity>> ofPool(String poolId) {
        return transactions.session(() -> domains.ofPool(poolId));
    }

    private Uni<DomainEntity> owned(String poolId, String domain) {
        return pools.require(poolId).chain(pool -> domains.findById(domain.toLowerCase(Locale.ROOT))).map(entity -> {
            if (entity == null || !entity.poolId.equals(poolId)) {
                throw INVALID_PARAMETER.withMessage("No such domain or user pool exists.");
            }
            return entity;
        });
    }

    /** Cognito's rules for a prefix (its pattern, no reserved word) or a custom domain (a fully qualified name). */
    private static String checked(String domain, boolean custom) {
        if (custom) {
            if (!FQDN.matcher(domain).matches()) {
                throw INVALID_PARAMETER.withMessage("The custom domain %s is not a fully qualified domain name.",
                        domain);
            }
            return domain;
        }
        if (!PREFIX.matcher(domain).matches()) {
            throw INVALID_PARAMETER.withMessage("The domain name contains an invalid character. Domain names can only "
                    + "contain lower-case letters, numbers, and hyphens. Please enter a different name that follows "
                    + "this format: ^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$");
        }
        for (String word : RESERVED) {
            if (domain.contains(word)) {
                throw INVALID_PARAMETER.withMessage("Domain cannot contain reserved word: %s", word);
            }
        }
        return domain;
    }
}
