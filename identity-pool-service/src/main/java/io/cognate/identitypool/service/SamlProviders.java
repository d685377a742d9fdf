package io.cognate.identitypool.service;

import static io.cognate.identitypool.error.IdentityError.ENTITY_ALREADY_EXISTS;
import static io.cognate.identitypool.error.IdentityError.INVALID_INPUT;
import static io.cognate.identitypool.error.IdentityError.NO_SUCH_ENTITY;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.identitypool.model.SamlProvider;
import io.cognate.identitypool.repository.SamlProviderEntity;
import io.cognate.identitypool.repository.SamlProviderRepository;
import io.cognate.saml.IdpMetadata;
import io.cognate.saml.SamlException;
import io.smallrye.mutiny.Uni;

/**
 * IAM's SAML providers: Create, Get, Update, List, Delete, with IAM's errors. The metadata document must name an
 * identity provider with a signing certificate valid now; a provider is valid until its first certificate expires.
 */
@ApplicationScoped
public class SamlProviders {
    private final SamlProviderRepository repository;
    private final String accountId;
    private final Clock clock;
    private final Transactions transactions;

    public SamlProviders(SamlProviderRepository repository, Roles roles, Clock clock, Transactions transactions) {
        this.repository = repository;
        this.accountId = roles.accountId();
        this.clock = clock;
        this.transactions = transactions;
    }

    public Uni<SamlProvider> create(String name, String document) {
        return transactions.transaction(() -> {
            SamlProviderEntity row = new SamlProviderEntity();
            row.arn = "arn:aws:iam::" + accountId + ":saml-provider/" + name;
            row.createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            write(row, document);
            return repository.findById(row.arn).chain(existing -> {
                if (existing != null) {
                    throw ENTITY_ALREADY_EXISTS.withMessage("SAMLProvider %s already exists.", name);
                }
                return repository.persist(row).map(SamlProviders::provider);
            });
        });
    }

    public Uni<SamlProvider> update(String arn, String document) {
        return transactions.transaction(() -> repository.findById(arn).map(row -> {
            write(found(row, arn), document);
            return provider(row);
        }));
    }

    public Uni<SamlProvider> get(String arn) {
        return transactions.session(() -> repository.findById(arn).map(row -> provider(found(row, arn))));
    }

    public Uni<List<SamlProvider>> list() {
        return transactions.session(() -> repository.all()
                .map(rows -> rows.stream().map(SamlProviders::provider).toList()));
    }

    /** The providers of these ARNs that exist. */
    public Uni<List<SamlProvider>> of(List<String> arns) {
        return transactions.session(() -> {
            if (arns.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            return repository.byArns(arns).map(rows -> rows.stream().map(SamlProviders::provider).toList());
        });
    }

    public Uni<Void> delete(String arn) {
        return transactions.transaction(() -> repository.findById(arn)
                .chain(row -> repository.delete(found(row, arn))));
    }

    private void write(SamlProviderEntity row, String document) {
        IdpMetadata metadata = metadata(document);
        try {
            metadata.checkValidAt(clock.instant());
        } catch (SamlException e) {
            throw INVALID_INPUT.withMessage("SAMLMetadataDocument: %s", e.getMessage());
        }
        row.metadata = document;
        row.validUntil = metadata.signingCertificates().stream().map(X509Certificate::getNotAfter)
                .map(java.util.Date::toInstant).min(Instant::compareTo).orElseThrow();
    }

    private static IdpMetadata metadata(String document) {
        try {
            return IdpMetadata.parse(document);
        } catch (SamlException e) {
            throw INVALID_INPUT.withMessage("SAMLMetadataDocument: %s", e.getMessage());
        }
    }

    private static SamlProviderEntity found(SamlProviderEntity row, String arn) {
        if (row == null) {
            throw NO_SUCH_ENTITY.withMessage("Manifest not found for arn %s", arn);
        }
        return row;
    }

    private static SamlProvider provider(SamlProviderEntity row) {
        return new SamlProvider(row.arn, row.metadata, metadata(row.metadata), row.createdAt, row.validUntil);
    }
}
