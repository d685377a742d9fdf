package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.error.CognitoError.UNSUPPORTED_USER_STATE;
import static io.cognate.userpool.error.CognitoError.USERNAME_EXISTS;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.token.v1.RevokeRequest;
import io.cognate.database.rows.Transactions;
import io.cognate.userpool.credentials.PasswordVerifiers;
import io.cognate.userpool.grpc.TokenServiceClient;
import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.model.Page;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.cognate.userpool.triggers.PoolCall;
import io.cognate.userpool.triggers.Triggers;
import io.smallrye.mutiny.Uni;

/** The Admin* user actions and ListUsers, authorized with IAM credentials. */
@ApplicationScoped
public class UserAdminService {
    private final UserPoolService pools;
    private final UserRepository users;
    private final UserLookup lookup;
    private final SignUpService signUps;
    private final PasswordVerifiers passwords;
    private final PasswordChanges passwordChanges;
    private final AttributeChanges attributeChanges;
    private final Aliases aliases;
    private final TokenServiceClient tokens;
    private final Outbox outbox;
    private final CodeDelivery delivery;
    private final Triggers triggers;
    private final Transactions transactions;

    public UserAdminService(UserPoolService pools, UserRepository users, UserLookup lookup, SignUpService signUps,
            PasswordVerifiers passwords, PasswordChanges passwordChanges, AttributeChanges attributeChanges,
            Aliases aliases, TokenServiceClient tokens, Outbox outbox, CodeDelivery delivery, Triggers triggers,
            Transactions transactions) {
        this.triggers = triggers;
        this.pools = pools;
        this.users = users;
        this.lookup = lookup;
        this.signUps = signUps;
        this.passwords = passwords;
        this.passwordChanges = passwordChanges;
        this.attributeChanges = attributeChanges;
        this.aliases = aliases;
        this.tokens = tokens;
        this.outbox = outbox;
        this.delivery = delivery;
        this.transactions = transactions;
    }

    /** AdminCreateUser: the new user (FORCE_CHANGE_PASSWORD), or the invitation sent again (RESEND). */
    public Uni<UserEntity> adminCreateUser(AdminCreateUserRequest request) {
        boolean resend = "RESEND".equals(request.messageAction());
        return transactions.session(() -> pools.require(request.poolId()).chain(pool -> {
            String password = request.temporaryPassword() != null ? request.temporaryPassword()
                    : pool.passwordPolicy().generate();
            pool.passwordPolicy().check(password);
            Uni<UserEntity> prepared = resend ? resendTarget(pool, request.username())
                    : Uni.createFrom().item(() -> {
                        Map<String, String> attributes = UserAttributes.checkWritable(pool, null, request.attributes(),
                                true);
                        UserEntity user = signUps.newUser(pool, request.username(), attributes);
                        UserAttributes.checkRequired(pool, UserAttributes.of(user));
                        return user;
                    }).call(user -> signUps.checkUnique(pool, user))
                            // The handler may refuse the user; what it answers does not apply to an invited user.
                            .call(user -> triggers.preSignUp(pool.triggerCall(null, request.clientMetadata()),
                                    "PreSignUp_AdminCreateUser", user.username, UserAttributes.of(user),
                                    request.validationData()));
            return prepared.chain(user -> {
                List<CodeDelivery.Medium> mediums = invitationMediums(request, user);
                user.status = UserStatus.FORCE_CHANGE_PASSWORD;
                int days = pool.passwordPolicy().temporaryPasswordValidityDays();
                user.temporaryPasswordExpiresAt = Instant.now().plus(Duration.ofDays(Math.max(days, 1)));
                passwords.set(user, password);
                Uni<Void> saved = transactions.transaction(() -> (resend ? Uni.createFrom().voidItem()
                        : signUps.checkUnique(pool, user).chain(() -> aliases.claim(pool, user, Map.of(),
                                UserAttributes.of(user), request.forceAliasCreation())))
                        .chain(() -> users.persist(user))
                        .chain(() -> resend ? Uni.createFrom().voidItem()
                                : outbox.record(UserEventType.UserCreated, user, Map.of())))
                        .onFailure(Failures::isUniqueViolation)
                        .transform(e -> USERNAME_EXISTS.withMessage("User account already exists"));
                return saved.chain(() -> invite(pool, pool.triggerCall(null, request.clientMetadata()), user,
                        password, mediums)).replaceWith(user);
            });
        }));
    }

    private Uni<UserEntity> resendTarget(UserPool pool, String username) {
        return lookup.require(pool, username).map(user -> {
            if (!UserStatus.FORCE_CHANGE_PASSWORD.equals(user.status)) {
                throw UNSUPPORTED_USER_STATE.withMessage("Resend not possible. %s status is not FORCE_CHANGE_PASSWORD",
                        username);
            }
            return user;
        });
    }

    /**
     * How the invitation goes: none with SUPPRESS; otherwise DesiredDeliveryMediums, SMS when not given (Cognito's
     * default). A medium asked for needs its address; the default SMS without a phone number sends nothing.
     */
    private static List<CodeDelivery.Medium> invitationMediums(AdminCreateUserRequest request, UserEntity user) {
        if ("SUPPRESS".equals(request.messageAction())) {
            return List.of();
        }
        Map<String, String> attributes = UserAttributes.of(user);
        List<String> asked = request.deliveryMediums();
        if (asked == null || asked.isEmpty()) {
            return attributes.containsKey("phone_number") ? List.of(CodeDelivery.Medium.SMS) : List.of();
        }
        List<CodeDelivery.Medium> mediums = new ArrayList<>();
        for (String medium : asked) {
            CodeDelivery.Medium chosen = CodeDelivery.Medium.valueOf(medium);
            if (!attributes.containsKey(chosen.attribute())) {
                throw INVALID_PARAMETER.withMessage(chosen == CodeDelivery.Medium.EMAIL
                        ? "No email provided but desired delivery medium was Email"
                        : "No phone_number provided but desired delivery medium was SMS");
            }
            if (!mediums.contains(chosen)) {
                mediums.add(chosen);
            }
        }
        return mediums;
    }

    /** Sends the invitation by each medium, naming the user as it signs in. */
    private Uni<Void> invite(UserPool pool, PoolCall call, UserEntity user, String password,
            List<CodeDelivery.Medium> mediums) {
        Map<String, String> attributes = UserAttributes.of(user);
        String email = attributes.get("email");
        String displayName = pool.usernameAttributes().isEmpty() ? user.username
                : email != null ? email : attributes.get("phone_number");
        Uni<Void> sent = Uni.createFrom().voidItem();
        for (CodeDelivery.Medium medium : mediums) {
            sent = sent.chain(() -> delivery.send(pool, call, user, CodeDelivery.Kind.ADMIN_CREATE_USER, medium,
                    attributes.get(medium.attribute()), password, displayName)).replaceWithVoid();
        }
        return sent;
    }

    public Uni<UserEntity> adminGetUser(String poolId, String username) {
        return transactions.session(() -> pools.require(poolId).chain(pool -> lookup.require(pool, username)));
    }

    public Uni<Void> adminDeleteUser(String poolId, String username) {
        return transactions.transaction(() -> pools.require(poolId).chain(pool -> lookup.require(pool, username))
                .call(user -> outbox.record(UserEventType.UserDeleted, user, Map.of()))
                .call(user -> users.deleteUser(poolId, user.sub)))
                .chain(user -> revokeAll(poolId, user));
    }

    public Uni<Void> adminUpdateUserAttributes(String poolId, String username, Map<String, String> updates,
            Map<String, String> clientMetadata) {
        return transactions.transaction(() -> pools.require(poolId).chain(pool -> lookup.require(pool, username)
                .chain(user -> attributeChanges.update(pool, null, user, updates, true, clientMetadata)))
                .replaceWithVoid());
    }

    public Uni<Void> adminDeleteUserAttributes(String poolId, String username, List<String> names) {
        return transactions.transaction(() -> pools.require(poolId).chain(pool -> lookup.require(pool, username)
                .chain(user -> attributeChanges.delete(pool, null, user, names, true))));
    }

    /** Disabling a user also revokes its tokens, as Cognito does. */
    public Uni<Void> setEnabled(String poolId, String username, boolean enabled) {
        return transactions.transaction(() -> pools.require(poolId).chain(pool -> lookup.require(pool, username))
                .call(user -> {
                    user.enabled = enabled;
                    user.updatedAt = Instant.now();
                    return users.persist(user);
                })).chain(user -> enabled ? Uni.createFrom().voidItem() : revokeAll(poolId, user));
    }

    public Uni<Void> adminSetUserPassword(String poolId, String username, String password, boolean permanent) {
        return transactions.transaction(() -> pools.require(poolId).chain(pool -> lookup.require(pool, username)
                .chain(user -> passwordChanges.set(pool, user, password).chain(() -> {
                    if (permanent) {
                        user.status = UserStatus.CONFIRMED;
                        user.temporaryPasswordExpiresAt = null;
                    } else {
                        user.status = UserStatus.FORCE_CHANGE_PASSWORD;
                        int days = pool.passwordPolicy().temporaryPasswordValidityDays();
                        user.temporaryPasswordExpiresAt = Instant.now().plus(Duration.ofDays(Math.max(days, 1)));
                    }
                    return users.persist(user).chain(() -> outbox.record(UserEventType.PasswordChanged, user, Map.of()));
                }))));
    }

    public Uni<Page<UserEntity>> listUsers(ListUsersRequest request) {
        return transactions.session(() -> {
            String after = Page.after(request.paginationToken());
            UserFilter filter = UserFilter.parse(request.filter());
            return pools.require(request.poolId()).chain(pool -> users.search(request.poolId(), filter.column(pool),
                    filter.prefix(), filter.value(pool), after, request.limit() + 1))
                    .map(page -> Page.of(page, request.limit(), user -> user.usernameKey));
        });
    }

    private Uni<Void> revokeAll(String poolId, UserEntity user) {
        return tokens.revoke(RevokeRequest.newBuilder().setUserPoolId(poolId).setSub(user.sub.toString()).build())
                .replaceWithVoid();
    }
}
