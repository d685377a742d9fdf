package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.error.CognitoError.LIMIT_EXCEEDED;
import static io.cognate.userpool.error.CognitoError.USER_NOT_FOUND;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.userpool.model.IdentityProvider;
import io.cognate.userpool.repository.FederatedLinkEntity;
import io.cognate.userpool.repository.FederatedLinkRepository;
import io.cognate.userpool.repository.Identities;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.smallrye.mutiny.Uni;

/**
 * AdminLinkProviderForUser and AdminDisableProviderForUser: a user at an external provider linked to a native user
 * of the pool (a sign-in at the provider then signs the native user in, and the native user's identities attribute
 * lists the link), at most five per user, only for a provider user who has not signed in on their own; and a link,
 * or a user, disabled. A link is by the provider's subject (Cognito_Subject) or, for OIDC and SAML providers, by
 * another claim of its answer (ProviderAttributeName: an ID token claim or SAML attribute, such as email).
 */
@ApplicationScoped
public class ProviderLinks {
    /** Cognito's ProviderAttributeName for the provider's user id (the ID token's sub). */
    public static final String SUBJECT = "Cognito_Subject";
    /** The provider types whose users may be linked by another claim of their answer (an email, say). */
    private static final Set<String> BY_CLAIM = Set.of("OIDC", "SAML");
    private static final int MAX_LINKS = 5;

    private final UserPoolService pools;
    private final UserLookup lookup;
    private final UserRepository users;
    private final IdentityProviderService providers;
    private final FederatedLinkRepository links;
    private final Transactions transactions;

    public ProviderLinks(UserPoolService pools, UserLookup lookup, UserRepository users,
            IdentityProviderService providers, FederatedLinkRepository links, Transactions transactions) {
        this.pools = pools;
        this.lookup = lookup;
        this.users = users;
        this.providers = providers;
        this.links = links;
        this.transactions = transactions;
    }

    /** A user as the two actions name one: a provider, the attribute naming them there, and its value. */
    public record ProviderUser(String providerName, String attributeName, String attributeValue) {
    }

    public Uni<Void> link(String poolId, ProviderUser destination, ProviderUser source) {
        return transactions.transaction(() -> {
            if (!"Cognito".equals(destination.providerName())) {
                throw INVALID_PARAMETER.withMessage("DestinationUser must be a user of the user pool: ProviderName "
                        + "Cognito.");
            }
            String attributeName = source.attributeName() == null ? SUBJECT : source.attributeName();
            return pools.require(poolId).chain(pool -> providers.describe(poolId, source.providerName())
                    .chain(provider -> lookup.require(pool, destination.attributeValue()).chain(user -> {
                        if (!SUBJECT.equals(attributeName) && !BY_CLAIM.contains(provider.type())) {
                            throw INVALID_PARAMETER.withMessage("SourceUser: ProviderAttributeName must be "
                                    + "Cognito_Subject for a %s provider.", provider.type());
                        }
                        if (UserStatus.EXTERNAL_PROVIDER.equals(user.status)) {
                            throw INVALID_PARAMETER.withMessage("DestinationUser must be a user of the user pool, "
                                    + "not of an external provider.");
                        }
                        String federated = provider.name() + "_" + source.attributeValue();
                        return (SUBJECT.equals(attributeName) ? users.findByUsernameKey(poolId, pool.usernameKey(
                                federated)) : Uni.createFrom().item((UserEntity) null))
                                .chain(existing -> links.find(poolId, provider.name(), attributeName,
                                        source.attributeValue()).chain(link -> {
                                            if (existing != null || link != null) {
                                                throw INVALID_PARAMETER.withMessage("Merging is not currently "
                                                        + "supported, provide a SourceUser that has not been linked to "
                                                        + "a user and has not yet signed in");
                                            }
                                            return save(user, provider, attributeName, source.attributeValue());
                                        }));
                    })));
        });
    }

    /**
     * AdminDisableProviderForUser: a linked provider user unlinked; a provider user who signed in on their own, or a
     * native user (ProviderName Cognito), disabled.
     */
    public Uni<Void> disable(String poolId, ProviderUser user) {
        return transactions.transaction(() -> {
            String attributeName = user.attributeName() == null ? SUBJECT : user.attributeName();
            return pools.require(poolId).chain(pool -> {
                if ("Cognito".equals(user.providerName())) {
                    return lookup.require(pool, user.attributeValue()).invoke(nativeUser -> nativeUser.enabled = false)
                            .chain(users::persist).replaceWithVoid();
                }
                return providers.describe(poolId, user.providerName()).chain(provider -> links.find(poolId,
                        provider.name(), attributeName, user.attributeValue()).chain(link -> {
                            if (link != null) {
                                return users.findBySub(poolId, link.sub).chain(linked -> {
                                    Map<String, String> attributes = new LinkedHashMap<>(linked.attributes());
                                    String left = Identities.without(attributes.get("identities"), provider.name(),
                                            user.attributeValue());
                                    if (left == null) {
                                        attributes.remove("identities");
                                    } else {
                                        attributes.put("identities", left);
                                    }
                                    linked.attributes(attributes);
                                    return users.persist(linked);
                                }).chain(() -> links.remove(poolId, provider.name(), attributeName,
                                        user.attributeValue())).replaceWithVoid();
                            }
                            if (!SUBJECT.equals(attributeName)) {
                                throw USER_NOT_FOUND.withMessage("User does not exist.");
                            }
                            return users.findByUsernameKey(poolId, pool.usernameKey(provider.name() + "_"
                                    + user.attributeValue())).chain(federated -> {
                                        if (federated == null) {
                                            throw USER_NOT_FOUND.withMessage("User does not exist.");
                                        }
                                        federated.enabled = false;
                                        return users.persist(federated).replaceWithVoid();
                                    });
                        }));
            });
        });
    }

    private Uni<Void> save(UserEntity user, IdentityProvider provider, String attributeName, String subject) {
        Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
        if (Identities.count(attributes.get("identities")) >= MAX_LINKS) {
            throw LIMIT_EXCEEDED.withMessage("A user can be linked to at most %d identity provider users.", MAX_LINKS);
        }
        Instant now = Instant.now();
        attributes.put("identities", Identities.with(attributes.get("identities"), provider, subject, false, now));
        user.attributes(attributes);
        user.updatedAt = now;
        FederatedLinkEntity link = new FederatedLinkEntity();
        link.poolId = user.poolId;
        link.providerName = provider.name();
        link.attributeName = attributeName;
        link.subject = subject;
        link.sub = user.sub;
        link.createdAt = now;
        return users.persist(user).chain(() -> links.persist(link)).replaceWithVoid();
    }
}
