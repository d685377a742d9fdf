package io.cognate.userpool.auth;

import static io.cognate.userpool.error.CognitoError.NOT_AUTHORIZED;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.model.IdentityProvider;
import io.cognate.userpool.repository.ConsumedChallengeRepository;
import io.cognate.userpool.repository.FederatedLinkEntity;
import io.cognate.userpool.repository.FederatedLinkRepository;
import io.cognate.userpool.repository.GroupEntity;
import io.cognate.userpool.repository.GroupMemberEntity;
import io.cognate.userpool.repository.GroupMemberRepository;
import io.cognate.userpool.repository.GroupRepository;
import io.cognate.userpool.repository.Identities;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.Failures;
import io.cognate.userpool.service.IdentityProviderService;
import io.cognate.userpool.service.ProviderLinks;
import io.cognate.userpool.service.UserAttributes;
import io.cognate.userpool.service.UserPool;
import io.cognate.userpool.service.UserPoolService;
import io.cognate.userpool.service.UserStatus;
import io.cognate.userpool.triggers.PoolCall;
import io.cognate.userpool.triggers.ProviderAnswer;
import io.cognate.userpool.triggers.Triggers;
import io.smallrye.mutiny.Uni;

/**
 * A user who signed in at one of the pool's external identity providers, as Cognito keeps them: the user
 * {@code <Provider>_<subject>}, status EXTERNAL_PROVIDER, created at the first sign-in with the provider's claims
 * mapped onto attributes (AttributeMapping), the {@code identities} attribute, and membership of the group
 * {@code <poolId>_<Provider>}; at every later sign-in the mapped attributes are written again (a claim the provider no
 * longer sends leaves its attribute as it was). A mapped email is unverified unless email_verified is mapped too (or
 * PreSignUp_ExternalProvider answers autoVerifyEmail). A provider user linked to a native user signs that user in.
 */
@ApplicationScoped
public class FederatedSignIn {
    /** Longest attribute value a provider's claim may set. */
    private static final int MAX_VALUE = 2048;

    private final AppClientService clients;
    private final UserPoolService pools;
    private final IdentityProviderService providers;
    private final UserRepository users;
    private final GroupRepository groups;
    private final GroupMemberRepository members;
    private final Outbox outbox;
    private final Transactions transactions;
    private final Triggers triggers;
    private final FederatedLinkRepository links;
    private final ConsumedChallengeRepository consumedAssertions;

    public FederatedSignIn(AppClientService clients, UserPoolService pools, IdentityProviderService providers,
            UserRepository users, GroupRepository groups, GroupMemberRepository members, Outbox outbox,
            Transactions transactions, Triggers triggers, FederatedLinkRepository links,
            ConsumedChallengeRepository consumedAssertions) {
        this.consumedAssertions = consumedAssertions;
        this.clients = clients;
        this.pools = pools;
        this.providers = providers;
        this.users = users;
        this.groups = groups;
        this.members = members;
        this.outbox = outbox;
        this.transactions = transactions;
        this.triggers = triggers;
        this.links = links;
    }

    /** What a sign-in reads before it writes: the pool, the provider, and the user if they signed in before. */
    private record Found(UserPool pool, IdentityProvider provider, String username, boolean exists,
            FederatedLinkEntity link) {
    }

    /**
     * The user to sign in for {@code subject} at the provider, created or updated from {@code claims} (the provider's
     * ID token and userInfo claims, each as a string). Refused (NotAuthorizedException) when the user is disabled or
     * the client does not offer the provider; a first sign-in runs PreSignUp_ExternalProvider (which may refuse it)
     * before the user is created and PostConfirmation_ConfirmSignUp after, as Cognito does.
     */
    public Uni<UserEntity> signIn(String clientId, String providerName, String subject, Map<String, String> claims) {
        return signIn(clientId, providerName, subject, claims, ProviderAnswer.NONE, "", null);
    }

    /**
     * A sign-in by a SAML assertion, which is good once: {@code replayKey} (the edge's hash of the pool, provider and
     * assertion id) is remembered until {@code until}, the assertion's end of validity, on every replica, and a
     * second sign-in with it is refused (NotAuthorizedException).
     */
    public Uni<UserEntity> signIn(String clientId, String providerName, String subject, Map<String, String> claims,
            ProviderAnswer answer, String replayKey, Instant until) {
        return transactions.session(() -> clients.cachedById(clientId).chain(client -> {
            var oauth = client.settings().oauth();
            if (oauth == null || oauth.supportedIdentityProviders() == null
                    || !oauth.supportedIdentityProviders().contains(providerName)) {
                throw NOT_AUTHORIZED.withMessage("The client does not offer identity provider %s.", providerName);
            }
            return pools.require(client.poolId()).chain(pool -> providers.describe(pool.id(), providerName)
                    .chain(provider -> {
                        String username = provider.name() + "_" + subject;
                        return consumed(replayKey, until).chain(() -> link(pool.id(), provider.name(), subject,
                                claims).chain(
                                        link -> users
                                                .findByUsernameKey(pool.id(), pool.usernameKey(username))
                                                .map(existing -> new Found(pool, provider, username, existing != null, link))));
                    }));
        })).chain(found -> (found.link() != null ? linked(found)
                : toMap(found, clientId, claims, answer).chain(mapped -> found.exists() ? update(found, mapped)
                        : create(found, clientId, subject, mapped)))
                .call(user -> transactions.transaction(() -> outbox.record(UserEventType.SignIn, user, Map.of(
                        "clientId", clientId, "authFlow", UserStatus.EXTERNAL_PROVIDER, "identityProvider",
                        found.provider().name())))));
    }

    /**
     * The claims the AttributeMapping reads: the provider's, or what the pool's InboundFederation trigger made of its
     * answer (run at every sign-in of a provider user, before they are created or updated).
     */
    private Uni<Map<String, String>> toMap(Found found, String clientId, Map<String, String> claims,
            ProviderAnswer answer) {
        return triggers.inboundFederation(found.pool().triggerCall(clientId, Map.of()), found.username(),
                found.provider().name(), found.provider().type(), answer)
                .map(given -> given.isEmpty() ? claims : given);
    }

    /** The native user the provider's user is linked to: by subject, else by another claim of the answer; or null. */
    private Uni<FederatedLinkEntity> link(String poolId, String providerName, String subject,
            Map<String, String> claims) {
        return links.find(poolId, providerName, ProviderLinks.SUBJECT, subject).chain(bySubject -> bySubject != null
                ? Uni.createFrom().item(bySubject)
                : links.byClaimValues(poolId, providerName, ProviderLinks.SUBJECT, Set.copyOf(claims.values()))
                        .map(byClaim -> byClaim.stream().filter(link -> link.subject.equals(claims.get(
                                link.attributeName))).findFirst().orElse(null)));
    }

    /** Records a SAML assertion as used; refused when it was used before (a replay). */
    private Uni<Void> consumed(String replayKey, Instant until) {
        if (replayKey.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return transactions.transaction(() -> consumedAssertions.consume(replayKey, until)).map(first -> {
            if (!first) {
                throw NOT_AUTHORIZED.withMessage("This SAML assertion has been used already.");
            }
            return null;
        });
    }

    private Uni<UserEntity> create(Found found, String clientId, String subject, Map<String, String> claims) {
        UserPool pool = found.pool();
        IdentityProvider provider = found.provider();
        UserEntity user = new UserEntity();
        user.sub = UUID.randomUUID();
        user.poolId = pool.id();
        user.username = found.username();
        user.usernameKey = pool.usernameKey(found.username());
        user.status = UserStatus.EXTERNAL_PROVIDER;
        user.enabled = true;
        user.createdAt = Instant.now();
        user.updatedAt = user.createdAt;
        Map<String, String> attributes = mapped(provider, claims);
        attributes.put("identities", Identities.with(null, provider, subject, true, user.createdAt));
        store(user, pool, attributes);
        PoolCall call = pool.triggerCall(clientId, Map.of());
        return triggers.preSignUp(call, "PreSignUp_ExternalProvider", user.username, UserAttributes.ofTrigger(user),
                Map.of()).chain(answer -> {
                    if (answer.autoVerifyEmail() && attributes.containsKey("email")) {
                        attributes.put("email_verified", "true");
                        store(user, pool, attributes);
                    }
                    return transactions.transaction(() -> users.persist(user).chain(() -> autoGroup(pool, provider))
                            .chain(group -> {
                                GroupMemberEntity member = new GroupMemberEntity();
                                member.id = UUID.randomUUID();
                                member.poolId = pool.id();
                                member.groupId = group.id;
                                member.sub = user.sub;
                                return members.persist(member);
                            }).chain(() -> outbox.record(UserEventType.UserCreated, user, Map.of("identityProvider",
                                    provider.name()))))
                            .onFailure(Failures::isUniqueViolation).transform(e -> NOT_AUTHORIZED.withMessage(
                                    "The user is signing in elsewhere at the same moment; try again."));
                }).call(() -> triggers.postConfirmation(call, "PostConfirmation_ConfirmSignUp", user.username,
                        UserAttributes.ofTrigger(user)))
                .replaceWith(user);
    }

    /**
     * A provider user linked to a native user (AdminLinkProviderForUser): the native user signs in, as they are (their
     * attributes are theirs, not the provider's).
     */
    private Uni<UserEntity> linked(Found found) {
        return transactions.session(() -> users.findBySub(found.pool().id(), found.link().sub)).map(user -> {
            if (user == null || !user.enabled) {
                throw NOT_AUTHORIZED.withMessage("User is disabled.");
            }
            return user;
        });
    }

    /** A later sign-in: the mapped attributes written again, in a transaction of its own. */
    private Uni<UserEntity> update(Found found, Map<String, String> claims) {
        return transactions.transaction(() -> users.findByUsernameKey(found.pool().id(), found.pool()
                .usernameKey(found.username())).chain(user -> {
                    if (!user.enabled) {
                        throw NOT_AUTHORIZED.withMessage("User is disabled.");
                    }
                    Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
                    attributes.putAll(mapped(found.provider(), claims));
                    store(user, found.pool(), attributes);
                    user.updatedAt = Instant.now();
                    return users.persist(user);
                }));
    }

    /** The pool attributes the provider's claims set: each mapped claim that is present, up to 2048 characters. */
    static Map<String, String> mapped(IdentityProvider provider, Map<String, String> claims) {
        Map<String, String> attributes = new LinkedHashMap<>();
        provider.attributeMapping().forEach((attribute, claim) -> {
            String value = claims.get(claim);
            if (!"username".equals(attribute) && value != null) {
                attributes.put(attribute, value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value);
            }
        });
        if (attributes.containsKey("email") && !provider.attributeMapping().containsKey("email_verified")) {
            attributes.put("email_verified", "false");
        }
        return attributes;
    }

    /** Federated users sign in only through their provider: no alias or sign-in name of theirs is looked up. */
    private static void store(UserEntity user, UserPool pool, Map<String, String> attributes) {
        UserAttributes.store(user, pool, attributes);
        user.emailKey = null;
        user.phoneKey = null;
        user.preferredUsernameKey = null;
    }

    /** The group Cognito keeps for a provider's users, {@code <poolId>_<Provider>}, made at its first user. */
    private Uni<GroupEntity> autoGroup(UserPool pool, IdentityProvider provider) {
        String name = pool.id() + "_" + provider.name();
        return groups.findByName(pool.id(), name).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            GroupEntity group = new GroupEntity();
            group.id = UUID.randomUUID();
            group.poolId = pool.id();
            group.groupName = name;
            group.description = "Autogenerated group for users who sign in using " + provider.name();
            group.createdAt = Instant.now();
            group.updatedAt = group.createdAt;
            return groups.persist(group);
        });
    }
}
