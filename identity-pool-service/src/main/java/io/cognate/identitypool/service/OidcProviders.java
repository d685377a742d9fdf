package io.cognate.identitypool.service;

import static io.cognate.identitypool.error.IdentityError.ENTITY_ALREADY_EXISTS;
import static io.cognate.identitypool.error.IdentityError.NO_SUCH_ENTITY;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.identitypool.model.OidcProvider;
import io.cognate.identitypool.repository.OidcProviderEntity;
import io.cognate.identitypool.repository.OidcProviderRepository;
import io.smallrye.mutiny.Uni;

/** IAM's OpenID Connect providers: Create, Get, List, Delete, with IAM's errors. */
@ApplicationScoped
public class OidcProviders {
    private final OidcProviderRepository repository;
    private final String accountId;
    private final Clock clock;
    private final Transactions transactions;

    public OidcProviders(OidcProviderRepository repository, Roles roles, Clock clock, Transactions transactions) {
        this.repository = repository;
        this.accountId = roles.accountId();
        this.clock = clock;
        this.transactions = transactions;
    }

    public Uni<OidcProvider> create(String url, List<String> clientIds, List<String> thumbprints) {
        return transactions.transaction(() -> {
            OidcProviderEntity row = new OidcProviderEntity();
            row.url = url.replaceAll("/+$", "");
            row.arn = "arn:aws:iam::" + accountId + ":oidc-provider/" + row.url.replaceFirst("^https?://", "");
            row.clientIds = String.join(",", clientIds);
            row.thumbprints = String.join(",", thumbprints);
            row.createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            return repository.findById(row.arn).chain(existing -> {
                if (existing != null) {
                    throw ENTITY_ALREADY_EXISTS.withMessage("Provider with url %s already exists.", row.url);
                }
                return repository.persist(row).map(OidcProviders::provider);
            });
        });
    }

    public Uni<OidcProvider> get(String arn) {
        return transactions.session(() -> repository.findById(arn).map(row -> provider(found(row, arn))));
    }

    public Uni<List<OidcProvider>> list() {
        return transactions.session(() -> repository.all()
                .map(rows -> rows.stream().map(OidcProviders::provider).toList()));
    }

    /** The providers of these ARNs that exist. */
    public Uni<List<OidcProvider>> of(List<String> arns) {
        return transactions.session(() -> {
            if (arns.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            return repository.byArns(arns).map(rows -> rows.stream().map(OidcProviders::provider).toList());
        });
    }

    /** The provider whose URL is {@code issuer}, or null. */
    public Uni<OidcProvider> byUrl(String issuer) {
        return transactions.session(() -> repository.byUrl(issuer.replaceAll("/+$", ""))
                .map(row -> row == null ? null : provider(row)));
    }

    public Uni<Void> delete(String arn) {
        return transactions.transaction(() -> repository.findById(arn)
                .chain(row -> repository.delete(found(row, arn))));
    }

    private static OidcProviderEntity found(OidcProviderEntity row, String arn) {
        if (row == null) {
            throw NO_SUCH_ENTITY.withMessage("OpenIDConnect Provider not found for arn %s", arn);
        }
        return row;
    }

    private static OidcProvider provider(OidcProviderEntity row) {
        return new OidcProvider(row.arn, row.url, split(row.clientIds), split(row.thumbprints), row.createdAt);
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
