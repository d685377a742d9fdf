package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.error.CognitoError.MANAGED_LOGIN_BRANDING_EXISTS;
import static io.cognate.userpool.error.CognitoError.RESOURCE_NOT_FOUND;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.userpool.model.ManagedLoginBranding;
import io.cognate.userpool.model.UiCustomization;
import io.cognate.userpool.repository.DomainRepository;
import io.cognate.userpool.repository.ManagedLoginBrandingEntity;
import io.cognate.userpool.repository.ManagedLoginBrandingRepository;
import io.cognate.userpool.repository.UiCustomizationEntity;
import io.cognate.userpool.repository.UiCustomizationRepository;
import io.smallrye.mutiny.Uni;

/**
 * How a pool's hosted pages look: the classic UI's customization (CSS and a logo, per client or for ALL clients) and
 * managed-login branding (one style per client). Both are stored as given and applied to the pages.
 */
@ApplicationScoped
public class BrandingService {
    private static final DateTimeFormatter CSS_VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);
    /** The classic UI's logo limit (Cognito: 100 KB, PNG or JPEG). */
    private static final int MAX_IMAGE_BYTES = 100 * 1024;

    /** SetUICustomization, parsed: {@code clientId} ALL for the pool's default; CSS and image null when not given. */
    public record CustomizationRequest(String poolId, String clientId, String css, byte[] image) {
    }

    /** Create or UpdateManagedLoginBranding, parsed; null members were not given. */
    public record BrandingRequest(String poolId, String clientId, String id, Boolean useCognitoProvidedValues,
            String settings, List<ManagedLoginBranding.Asset> assets) {
    }

    private final UserPoolService pools;
    private final AppClientService clients;
    private final DomainRepository domains;
    private final UiCustomizationRepository customizations;
    private final ManagedLoginBrandingRepository brandings;
    private final Transactions transactions;

    public BrandingService(UserPoolService pools, AppClientService clients, DomainRepository domains,
            UiCustomizationRepository customizations, ManagedLoginBrandingRepository brandings,
            Transactions transactions) {
        this.pools = pools;
        this.clients = clients;
        this.domains = domains;
        this.customizations = customizations;
        this.brandings = brandings;
        this.transactions = transactions;
    }

    /** SetUICustomization: the pool needs a domain; CSS stays CSS (no markup), the logo a PNG or JPEG. */
    public Uni<UiCustomization> setUiCustomization(CustomizationRequest request) {
        return transactions.transaction(() -> {
            if (request.css() != null && request.css().contains("<")) {
                throw INVALID_PARAMETER.withMessage("Invalid CSS input: markup ('<') is not allowed.");
            }
            if (request.image() != null
                    && (request.image().length > MAX_IMAGE_BYTES || imageType(request.image()) == null)) {
                throw INVALID_PARAMETER.withMessage("The image file must be a PNG or JPEG of at most 100 KB.");
            }
            return pools.require(request.poolId()).chain(pool -> domains.ofPool(pool.id())).chain(owned -> {
                if (owned.isEmpty()) {
                    throw INVALID_PARAMETER.withMessage("A domain must be associated with this user pool.");
                }
                return UiCustomization.ALL.equals(request.clientId()) ? Uni.createFrom().voidItem()
                        : clients.require(request.poolId(), request.clientId()).replaceWithVoid();
            }).chain(() -> customizations.find(request.poolId(), request.clientId())).chain(existing -> {
                Instant now = Instant.now();
                UiCustomizationEntity entity = existing != null ? existing : new UiCustomizationEntity();
                if (existing == null) {
                    entity.poolId = request.poolId();
                    entity.clientId = request.clientId();
                    entity.createdAt = now;
                }
                entity.css = request.css();
                entity.image = request.image();
                entity.cssVersion = CSS_VERSION.format(now);
                entity.updatedAt = now;
                return customizations.persist(entity).map(UiCustomizationEntity::customization);
            });
        });
    }

    /**
     * GetUICustomization: the client's own, else the pool's (ALL); with neither, an empty one for the client. A client
     * with its own does not fall back to ALL.
     */
    public Uni<UiCustomization> uiCustomization(String poolId, String clientId) {
        return transactions.session(() -> pools.require(poolId).chain(pool -> customizations.find(poolId, clientId))
                .chain(own -> {
                    if (own != null || UiCustomization.ALL.equals(clientId)) {
                        return Uni.createFrom().item(own);
                    }
                    return customizations.find(poolId, UiCustomization.ALL);
                }).map(found -> found != null ? found.customization()
                        : new UiCustomization(poolId, clientId, null, null, null, null, null)));
    }

    public Uni<ManagedLoginBranding> createBranding(BrandingRequest request) {
        return transactions.transaction(() -> {
            checkChoice(request.useCognitoProvidedValues(), request.settings(), true);
            return clients.require(request.poolId(), request.clientId())
                    .chain(client -> brandings.ofClient(request.poolId(), request.clientId())).chain(existing -> {
                        if (existing != null) {
                            throw MANAGED_LOGIN_BRANDING_EXISTS.withMessage("A ManagedLoginBranding already exists for "
                                    + "client %s", request.clientId());
                        }
                        ManagedLoginBrandingEntity entity = new ManagedLoginBrandingEntity();
                        entity.id = UUID.randomUUID();
                        entity.poolId = request.poolId();
                        entity.clientId = request.clientId();
                        entity.createdAt = Instant.now();
                        entity.assets(List.of());
                        return save(entity, request);
                    });
        });
    }

    /** UpdateManagedLoginBranding: what the request gives replaces what was; the rest stays. */
    public Uni<ManagedLoginBranding> updateBranding(BrandingRequest request) {
        return transactions.transaction(() -> {
            checkChoice(request.useCognitoProvidedValues(), request.settings(), false);
            return require(request.poolId(), request.id()).chain(entity -> save(entity, request));
        });
    }

    public Uni<ManagedLoginBranding> describeBranding(String poolId, String id) {
        return transactions.session(() -> require(poolId, id).map(ManagedLoginBrandingEntity::branding));
    }

    public Uni<ManagedLoginBranding> brandingOfClient(String poolId, String clientId) {
        return transactions.session(() -> pools.require(poolId).chain(pool -> brandings.ofClient(poolId, clientId))
                .map(entity -> {
                    if (entity == null) {
                        throw RESOURCE_NOT_FOUND.withMessage("ManagedLoginBranding for client %s does not exist.",
                                clientId);
                    }
                    return entity.branding();
                }));
    }

    public Uni<Void> deleteBranding(String poolId, String id) {
        return transactions.transaction(() -> require(poolId, id).chain(brandings::delete));
    }

    /**
     * How the pages look for a client: its managed-login style (null when none) and its classic customization
     * (its own, else the pool's; null when none). Call inside a session.
     */
    public Uni<Look> lookOf(String poolId, String clientId) {
        return brandings.ofClient(poolId, clientId).chain(branding -> customizations.find(poolId, clientId)
                .chain(own -> own != null ? Uni.createFrom().item(own)
                        : customizations.find(poolId, UiCustomization.ALL))
                .map(classic -> new Look(branding == null ? null : branding.branding(),
                        classic == null ? null : classic.customization())));
    }

    /** A client's look: its managed-login style and classic customization, each null when it has none. */
    public record Look(ManagedLoginBranding branding, UiCustomization customization) {
    }

    /** The MIME type of a PNG or JPEG image by its first bytes; null for anything else. */
    public static String imageType(byte[] image) {
        if (image.length > 8 && (image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G') {
            return "image/png";
        }
        if (image.length > 3 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8) {
            return "image/jpeg";
        }
        return null;
    }

    private Uni<ManagedLoginBrandingEntity> require(String poolId, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw INVALID_PARAMETER.withMessage("ManagedLoginBrandingId must be a UUID.");
        }
        return pools.require(poolId).chain(pool -> brandings.find(poolId, uuid)).map(entity -> {
            if (entity == null) {
                throw RESOURCE_NOT_FOUND.withMessage("ManagedLoginBranding does not exist.");
            }
            return entity;
        });
    }

    private Uni<ManagedLoginBranding> save(ManagedLoginBrandingEntity entity, BrandingRequest request) {
        if (request.useCognitoProvidedValues() != null) {
            entity.useCognitoProvidedValues = request.useCognitoProvidedValues();
            if (entity.useCognitoProvidedValues) {
                entity.settings = null;
                entity.assets(List.of());
            }
        }
        if (request.settings() != null) {
            entity.settings = request.settings();
            entity.useCognitoProvidedValues = false;
        }
        if (request.assets() != null && !entity.useCognitoProvidedValues) {
            entity.assets(request.assets());
        }
        entity.updatedAt = Instant.now();
        return brandings.persist(entity).map(ManagedLoginBrandingEntity::branding);
    }

    /** Cognito's rule: Cognito's values or your Settings, not both (and, on create, one of them). */
    private static void checkChoice(Boolean useCognitoProvidedValues, String settings, boolean creating) {
        boolean cognito = Boolean.TRUE.equals(useCognitoProvidedValues);
        if (cognito && settings != null || creating && !cognito && settings == null) {
            throw INVALID_PARAMETER.withMessage("useCognitoProvidedValues or settings should be specified (but not "
                    + "both)");
        }
    }
}
