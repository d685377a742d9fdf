package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.DUPLICATE_PROVIDER;
import static io.cognate.userpool.error.CognitoError.RESOURCE_NOT_FOUND;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.crypto.Aead;
import io.cognate.crypto.Purpose;
import io.cognate.database.rows.Transactions;
import io.cognate.userpool.model.IdentityProvider;
import io.cognate.userpool.model.Page;
import io.cognate.userpool.repository.IdentityProviderEntity;
import io.cognate.userpool.repository.IdentityProviderRepository;
import io.cognate.userpool.repository.StoredJson;
import io.smallrye.mutiny.Uni;

/**
 * A pool's external identity providers (Create/Describe/Update/Delete/ListIdentityProviders,
 * GetIdentityProviderByIdentifier), checked by {@link IdentityProviderRules}; their ProviderDetails sealed at rest.
 */
@ApplicationScoped
public class IdentityProviderService {
    private final UserPoolService pools;
    private final IdentityProviderRepository providers;
    private final Aead aead;
    private final SocialPresets presets;
    private final SamlProviderDetails saml;
    private final SamlKeys samlKeys;
    private final Transactions transactions;

    public IdentityProviderService(UserPoolService pools, IdentityProviderRepository providers, Aead aead,
            SocialPresets presets, SamlProviderDetails saml, SamlKeys samlKeys, Transactions transactions) {
        this.samlKeys = samlKeys;
        this.pools = pools;
        this.saml = saml;
        this.providers = providers;
        this.aead = aead;
        this.presets = presets;
        this.transactions = transactions;
    }

    public Uni<IdentityProvider> create(IdentityProvider requested) {
        return transactions.transaction(() -> pools.require(requested.poolId()).chain(pool -> resolved(requested)
                .chain(resolved -> providers.ofPool(pool.id()).chain(existing -> {
                    IdentityProvider provider = IdentityProviderRules.checked(resolved, pool);
                    for (IdentityProviderEntity other : existing) {
                        if (other.providerName.equals(provider.name())) {
                            throw DUPLICATE_PROVIDER.withMessage("A provider with the name %s already exists in this user "
                                    + "pool.", provider.name());
                        }
                    }
                    IdentityProviderRules.checkIdentifiers(provider, identifiers(existing));
                    IdentityProviderEntity entity = new IdentityProviderEntity();
                    entity.poolId = provider.poolId();
                    entity.providerName = provider.name();
                    entity.providerType = provider.type();
                    entity.createdAt = Instant.now();
                    return save(entity, provider);
                }))));
    }

    public Uni<IdentityProvider> describe(String poolId, String name) {
        return transactions.session(() -> require(poolId, name).map(this::provider));
    }

    /** UpdateIdentityProvider: the details, mapping and identifiers given replace the stored ones; the type stays. */
    public Uni<IdentityProvider> update(String poolId, String name, Map<String, String> details,
            Map<String, String> mapping, List<String> identifiers) {
        return transactions.transaction(() -> pools.require(poolId)
                .chain(pool -> providers.ofPool(poolId).chain(existing -> {
                    IdentityProviderEntity entity = existing.stream().filter(e -> e.providerName.equals(name))
                            .findFirst().orElseThrow(() -> notFound(name));
                    IdentityProvider stored = provider(entity);
                    return resolved(new IdentityProvider(poolId, name, stored.type(), details == null ? given(entity)
                            : details, mapping == null ? stored.attributeMapping() : mapping,
                            identifiers == null ? stored.idpIdentifiers() : identifiers, stored.createdAt(), null))
                            .chain(resolved -> {
                                IdentityProvider provider = IdentityProviderRules.checked(resolved, pool);
                                IdentityProviderRules.checkIdentifiers(provider, identifiers(existing.stream()
                                        .filter(e -> e != entity).toList()));
                                return save(entity, provider);
                            });
                })));
    }

    public Uni<Void> delete(String poolId, String name) {
        return transactions.transaction(() -> require(poolId, name).chain(entity -> providers.delete(poolId, name))
                .replaceWithVoid());
    }

    public Uni<Page<IdentityProvider>> list(String poolId, int maxResults, String nextToken) {
        return transactions.session(() -> {
            String after = Page.after(nextToken);
            return pools.require(poolId).chain(pool -> providers.page(poolId, after, maxResults + 1))
                    .map(rows -> Page.of(rows.stream().map(this::provider).toList(), maxResults,
                            IdentityProvider::name));
        });
    }

    /** GetIdentityProviderByIdentifier: the provider one of whose IdpIdentifiers is {@code identifier}. */
    public Uni<IdentityProvider> byIdentifier(String poolId, String identifier) {
        return transactions.session(() -> pools.require(poolId).chain(pool -> providers.ofPool(poolId))
                .map(rows -> rows.stream().filter(row -> StoredJson.stringList(row.idpIdentifiers).contains(identifier))
                        .findFirst().map(this::provider).orElseThrow(() -> RESOURCE_NOT_FOUND.withMessage(
                                "Identity provider with identifier %s does not exist.", identifier))));
    }

    /** The pool's keys as a SAML service provider (GetSigningCertificate, and SAML sign-ins), made at the first call. */
    public Uni<SamlKeys.PoolKeys> samlKeys(String poolId) {
        return transactions.transaction(() -> pools.require(poolId).chain(pool -> samlKeys.of(pool.id())));
    }

    /** The names of the pool's providers, which its clients' SupportedIdentityProviders may list. */
    public Uni<Set<String>> namesOf(String poolId) {
        return transactions.session(() -> providers.ofPool(poolId)
                .map(rows -> Set.copyOf(rows.stream().map(r -> r.providerName).toList())));
    }

    /** A SAML provider with its metadata read (fetched from its MetadataURL) and what it derives; others as they are. */
    private Uni<IdentityProvider> resolved(IdentityProvider provider) {
        if (!"SAML".equals(provider.type())) {
            return Uni.createFrom().item(provider);
        }
        return saml.resolve(provider.poolId(), provider.details()).map(details -> new IdentityProvider(provider
                .poolId(), provider.name(), provider.type(), details, provider.attributeMapping(),
                provider
                        .idpIdentifiers(),
                provider.createdAt(), provider.updatedAt()));
    }

    private Uni<IdentityProviderEntity> require(String poolId, String name) {
        return pools.require(poolId).chain(pool -> providers.find(poolId, name)).map(entity -> {
            if (entity == null) {
                throw notFound(name);
            }
            return entity;
        });
    }

    private static RuntimeException notFound(String name) {
        return RESOURCE_NOT_FOUND.withMessage("Identity provider %s does not exist.", name);
    }

    private Uni<IdentityProvider> save(IdentityProviderEntity entity, IdentityProvider provider) {
        entity.detailsSealed = aead.seal(Purpose.IDENTITY_PROVIDER_DETAILS, context(entity),
                StoredJson.write(provider.details()).getBytes(StandardCharsets.UTF_8));
        entity.attributeMapping = StoredJson.write(provider.attributeMapping());
        entity.idpIdentifiers = StoredJson.writeList(provider.idpIdentifiers());
        entity.updatedAt = Instant.now();
        return providers.persist(entity).map(this::provider);
    }

    /** Each provider's IdpIdentifiers, by its name: read without opening its sealed details. */
    private static Map<String, List<String>> identifiers(List<IdentityProviderEntity> rows) {
        Map<String, List<String>> identifiers = new LinkedHashMap<>();
        rows.forEach(row -> identifiers.put(row.providerName, StoredJson.stringList(row.idpIdentifiers)));
        return identifiers;
    }

    /** The ProviderDetails as they were given. */
    private Map<String, String> given(IdentityProviderEntity entity) {
        return StoredJson.strings(new String(aead.open(Purpose.IDENTITY_PROVIDER_DETAILS, context(entity),
                entity.detailsSealed), StandardCharsets.UTF_8));
    }

    /** The provider as described: a social one with its preset's endpoints. */
    private IdentityProvider provider(IdentityProviderEntity entity) {
        return new IdentityProvider(entity.poolId, entity.providerName, entity.providerType,
                presets.described(entity.providerType, given(entity)),
                StoredJson.strings(entity.attributeMapping), StoredJson.stringList(entity.idpIdentifiers),
                entity.createdAt, entity.updatedAt);
    }

    private static String context(IdentityProviderEntity entity) {
        return entity.poolId + "\u0000" + entity.providerName;
    }
}
