package io.cognate.userpool.service;

import static io.cognate.userpool.api.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.api.CognitoError.UNSUPPORTED_USER_STATE;
import static io.cognate.userpool.api.CognitoError.USERNAME_EXISTS;
import static io.cognate.userpool.api.CognitoError.USER_NOT_FOUND;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.contracts.token.v1.RevokeRequest;
import io.cognate.userpool.api.Json;
import io.cognate.userpool.api.Params;
import io.cognate.userpool.auth.PasswordVerifiers;
import io.cognate.userpool.grpc.TokenServiceClient;
import io.cognate.userpool.messaging.Mail;
import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.SmsSender;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The Admin* user actions and ListUsers, authorized with IAM credentials. */
@ApplicationScoped
public class UserAdminService {
    private final UserPoolService pools;
    private final UserRepository users;
    private final UserLookup lookup;
    private final SignUpService signUps;
    private final PasswordVerifiers passwords;
    private final AttributeChanges attributeChanges;
    private final TokenServiceClient tokens;
    private final Outbox outbox;
    private final Mail mail;
    private final SmsSender sms;

    public UserAdminService(UserPoolService pools, UserRepository users, UserLookup lookup, SignUpService signUps,
            PasswordVerifiers passwords, AttributeChanges attributeChanges, TokenServiceClient tokens, Outbox outbox,
            Mail mail, SmsSender sms) {
        this.pools = pools;
        this.users = users;
        this.lookup = lookup;
        this.signUps = signUps;
        this.passwords = passwords;
        this.attributeChanges = attributeChanges;
        this.tokens = tokens;
        this.outbox = outbox;
        this.mail = mail;
        this.sms = sms;
    }

    /** The user a request names, or UserNotFoundException; call inside a session. */
    public Uni<UserEntity> require(UserPool pool, String username) {
        return lookup.find(pool, username).map(user -> {
            if (user == null) {
                throw USER_NOT_FOUND.withMessage("User does not exist.");
            }
            return user;
        });
    }

    public Uni<ObjectNode> adminCreateUser(Params request) {
        String poolId = request.userPoolId();
        String username = request.username();
        String temporaryPassword = request.optional("TemporaryPassword", 6, 256);
        String messageAction = request.optionalEnum("MessageAction", List.of("RESEND", "SUPPRESS"));
        List<String> mediums = request.stringList("DesiredDeliveryMediums");
        Map<String, String> attributes = request.attributes("UserAttributes");
        return Panache.withSession(() -> pools.require(poolId).chain(pool -> {
            String password = temporaryPassword != null ? temporaryPassword : pool.passwordPolicy().generate();
            pool.passwordPolicy().check(password);
            Uni<UserEntity> prepared = "RESEND".equals(messageAction) ? resendTarget(pool, username)
                    : Uni.createFrom().item(() -> {
                        UserAttributes.checkWritable(pool, null, attributes, true);
                        UserEntity user = signUps.newUser(pool, username, attributes);
                        UserAttributes.checkRequired(pool, UserAttributes.of(user));
                        return user;
                    });
            return prepared.chain(user -> {
                user.status = UserStatus.FORCE_CHANGE_PASSWORD;
                int days = pool.passwordPolicy().temporaryPasswordValidityDays();
                user.temporaryPasswordExpiresAt = Instant.now().plus(Duration.ofDays(Math.max(days, 1)));
                passwords.set(user, pool, password);
                boolean created = !"RESEND".equals(messageAction);
                Uni<Void> saved = Panache.withTransaction(() -> (created ? signUps.checkUnique(pool, user)
                        : Uni.createFrom().voidItem()).chain(() -> users.persist(user))
                        .chain(() -> created ? outbox.record(UserEventType.UserCreated, user, Map.of())
                                : Uni.createFrom().voidItem()))
                        .onFailure(Failures::isUniqueViolation)
                        .transform(e -> USERNAME_EXISTS.withMessage("User account already exists"));
                return saved.chain(() -> invite(pool, user, password, messageAction, mediums))
                        .map(ignored -> (ObjectNode) Json.object().set("User", UserView.userType(user, List.of())));
            });
        }));
    }

    private Uni<UserEntity> resendTarget(UserPool pool, String username) {
        return require(pool, username).map(user -> {
            if (!UserStatus.FORCE_CHANGE_PASSWORD.equals(user.status)) {
                throw UNSUPPORTED_USER_STATE.withMessage("Resend not possible. %s status is not FORCE_CHANGE_PASSWORD",
                        username);
            }
            return user;
        });
    }

    /** Sends the invitation by email, by SMS (the SMS topic), or both, as DesiredDeliveryMediums asks. */
    private Uni<Void> invite(UserPool pool, UserEntity user, String password, String messageAction, List<String> mediums) {
        if ("SUPPRESS".equals(messageAction)) {
            return Uni.createFrom().voidItem();
        }
        Map<String, String> attributes = UserAttributes.of(user);
        String email = attributes.get("email");
        String phone = attributes.get("phone_number");
        boolean byEmail = mediums == null || mediums.isEmpty() ? email != null : mediums.contains("EMAIL");
        boolean bySms = mediums != null && mediums.contains("SMS");
        if (byEmail && email == null) {
            throw INVALID_PARAMETER.withMessage("The user has no email address to send the invitation to.");
        }
        if (bySms && phone == null) {
            throw INVALID_PARAMETER.withMessage("The user has no phone_number to send the invitation to.");
        }
        String displayName = pool.usernameAttributes().isEmpty() ? user.username : email != null ? email : phone;
        Uni<Void> sent = Uni.createFrom().voidItem();
        if (byEmail) {
            String[] message = pool.invitationEmail();
            sent = sent.chain(() -> mail.send(pool.emailSender(), email, message[0],
                    SignUpService.fill(message[1], displayName, password)));
        }
        if (bySms) {
            sent = sent.chain(() -> sms.send(pool.id(), phone, SignUpService.fill(pool.invitationSms(), displayName,
                    password), "INVITATION"));
        }
        return sent;
    }

    @WithSession
    public Uni<ObjectNode> adminGetUser(String poolId, String username) {
        return pools.require(poolId).chain(pool -> require(pool, username)).map(UserView::adminGetUser);
    }

    public Uni<Void> adminDeleteUser(String poolId, String username) {
        return Panache.withTransaction(() -> pools.require(poolId).chain(pool -> require(pool, username))
                .call(user -> outbox.record(UserEventType.UserDeleted, user, Map.of()))
                .call(user -> users.deleteUser(poolId, user.sub)))
                .chain(user -> revokeAll(poolId, user));
    }

    @WithTransaction
    public Uni<Void> adminUpdateUserAttributes(Params request) {
        String poolId = request.userPoolId();
        String username = request.username();
        Map<String, String> updates = request.attributes("UserAttributes");
        return pools.require(poolId).chain(pool -> require(pool, username)
                .chain(user -> attributeChanges.update(pool, null, user, updates, true))).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> adminDeleteUserAttributes(Params request) {
        String poolId = request.userPoolId();
        String username = request.username();
        List<String> names = request.stringList("UserAttributeNames");
        if (names == null) {
            throw INVALID_PARAMETER.withMessage("1 validation error detected: Value at 'userAttributeNames' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        return pools.require(poolId).chain(pool -> require(pool, username)
                .chain(user -> attributeChanges.delete(pool, null, user, names, true)));
    }

    /** Disabling a user also revokes its tokens, as Cognito does. */
    public Uni<Void> setEnabled(String poolId, String username, boolean enabled) {
        return Panache.withTransaction(() -> pools.require(poolId).chain(pool -> require(pool, username)).call(user -> {
            user.enabled = enabled;
            user.updatedAt = Instant.now();
            return users.persist(user);
        })).chain(user -> enabled ? Uni.createFrom().voidItem() : revokeAll(poolId, user));
    }

    @WithTransaction
    public Uni<Void> adminSetUserPassword(Params request) {
        String poolId = request.userPoolId();
        String username = request.username();
        String password = request.required("Password", 1, 256);
        Boolean permanent = request.optionalBoolean("Permanent");
        return pools.require(poolId).chain(pool -> require(pool, username).chain(user -> {
            pool.checkNewPassword(password, "PASSWORD_CHANGE");
            passwords.set(user, pool, password);
            if (Boolean.TRUE.equals(permanent)) {
                user.status = UserStatus.CONFIRMED;
                user.temporaryPasswordExpiresAt = null;
            } else {
                user.status = UserStatus.FORCE_CHANGE_PASSWORD;
                int days = pool.passwordPolicy().temporaryPasswordValidityDays();
                user.temporaryPasswordExpiresAt = Instant.now().plus(Duration.ofDays(Math.max(days, 1)));
            }
            return users.persist(user).chain(() -> outbox.record(UserEventType.PasswordChanged, user, Map.of()));
        }));
    }

    @WithSession
    public Uni<ObjectNode> listUsers(Params request) {
        String poolId = request.userPoolId();
        Integer limit = request.optionalInt("Limit", 0, 60);
        int pageSize = limit == null || limit == 0 ? 60 : limit;
        String after = PageTokens.decode(request.optional("PaginationToken", 1, 4096));
        List<String> attributesToGet = request.stringList("AttributesToGet");
        UserFilter filter = UserFilter.parse(request.optional("Filter", 0, 256));
        return pools.require(poolId).chain(pool -> users.search(poolId, filter.column(pool), filter.prefix(),
                filter.value(pool), after, pageSize + 1)).map(page -> {
                    ObjectNode response = Json.object();
                    ArrayNode list = response.putArray("Users");
                    List<UserEntity> shown = page.subList(0, Math.min(pageSize, page.size()));
                    shown.forEach(user -> list.add(UserView.userType(user,
                            attributesToGet == null ? List.of() : attributesToGet)));
                    if (page.size() > pageSize) {
                        response.put("PaginationToken", PageTokens.encode(shown.get(shown.size() - 1).usernameKey));
                    }
                    return response;
                });
    }

    private Uni<Void> revokeAll(String poolId, UserEntity user) {
        return tokens.revoke(RevokeRequest.newBuilder().setUserPoolId(poolId).setSub(user.sub.toString()).build())
                .replaceWithVoid();
    }
}
