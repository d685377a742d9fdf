package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.CODE_MISMATCH;
import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.error.CognitoError.NOT_AUTHORIZED;
import static io.cognate.userpool.error.CognitoError.USERNAME_EXISTS;
import static io.cognate.userpool.error.CognitoError.USER_NOT_FOUND;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.userpool.config.CognateConfig;
import io.cognate.userpool.credentials.PasswordVerifiers;
import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.model.CodeDeliveryDetails;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.cognate.userpool.triggers.PoolCall;
import io.cognate.userpool.triggers.PreSignUpAnswer;
import io.cognate.userpool.triggers.Triggers;
import io.smallrye.mutiny.Uni;

/** Self-service sign-up and its confirmation by a code (or link) sent to the user's email or phone. */
@ApplicationScoped
public class SignUpService {
    private final AppClientService clients;
    private final UserPoolService pools;
    private final UserRepository users;
    private final UserLookup lookup;
    private final PasswordVerifiers passwords;
    private final ConfirmationCodes codes;
    private final CodeDelivery delivery;
    private final Aliases aliases;
    private final Outbox outbox;
    private final CognateConfig config;
    private final Triggers triggers;
    private final Transactions transactions;

    public SignUpService(AppClientService clients, UserPoolService pools, UserRepository users, UserLookup lookup,
            PasswordVerifiers passwords, ConfirmationCodes codes, CodeDelivery delivery, Aliases aliases, Outbox outbox,
            CognateConfig config, Triggers triggers, Transactions transactions) {
        this.triggers = triggers;
        this.clients = clients;
        this.pools = pools;
        this.users = users;
        this.lookup = lookup;
        this.passwords = passwords;
        this.codes = codes;
        this.delivery = delivery;
        this.aliases = aliases;
        this.outbox = outbox;
        this.config = config;
        this.transactions = transactions;
    }

    /**
     * SignUp: the PreSignUp trigger (if any) sees the new user and may confirm it and verify its email or phone
     * number; an unconfirmed user gets a confirmation code, a confirmed one runs PostConfirmation.
     */
    public Uni<SignUpResult> signUp(SignUpRequest request) {
        return transactions.session(() -> clients.requireById(request.clientId()).chain(client -> {
            AppClientService.checkSecretHash(client, request.username(), request.secretHash());
            return pools.require(client.poolId()).chain(pool -> {
                if (pool.allowAdminCreateUserOnly()) {
                    throw NOT_AUTHORIZED.withMessage("SignUp is not permitted for this user pool");
                }
                Map<String, String> attributes = UserAttributes.checkWritable(pool, client, request.attributes(), false);
                UserEntity user = newUser(pool, request.username(), attributes);
                UserAttributes.checkRequired(pool, UserAttributes.of(user));
                pool.checkNewPassword(request.password(), "SIGN_UP");
                PoolCall call = pool.triggerCall(client.id(), request.clientMetadata());
                return checkUnique(pool, user).chain(() -> triggers.preSignUp(call, "PreSignUp_SignUp", user.username,
                        UserAttributes.of(user), request.validationData())).chain(answer -> {
                            autoVerify(pool, user, answer);
                            user.status = answer.autoConfirmUser() ? UserStatus.CONFIRMED : UserStatus.UNCONFIRMED;
                            passwords.set(user, request.password());
                            if (answer.autoConfirmUser()) {
                                return create(pool, user).chain(() -> postConfirmation(call, user))
                                        .map(confirmed -> new SignUpResult(true, user.sub.toString(), null));
                            }
                            return create(pool, user).chain(code -> code == null ? Uni.createFrom().nullItem()
                                    : deliverCode(pool, call, user, code, CodeDelivery.Kind.SIGN_UP))
                                    .map(sent -> new SignUpResult(false, user.sub.toString(), sent));
                        });
            });
        }));
    }

    /** PreSignUp's autoVerifyEmail and autoVerifyPhone, for the attributes the user has. */
    private static void autoVerify(UserPool pool, UserEntity user, PreSignUpAnswer answer) {
        Map<String, String> attributes = UserAttributes.of(user);
        if (answer.autoVerifyEmail() && attributes.containsKey("email")) {
            attributes.put("email_verified", "true");
        }
        if (answer.autoVerifyPhone() && attributes.containsKey("phone_number")) {
            attributes.put("phone_number_verified", "true");
        }
        UserAttributes.store(user, pool, attributes);
    }

    /**
     * Persists a new user with its UserCreated event and, if it is unconfirmed and the pool verifies email or phone,
     * a confirmation code; a user PreSignUp confirmed gets its UserConfirmed event and its verified aliases.
     */
    private Uni<String> create(UserPool pool, UserEntity user) {
        boolean confirmed = UserStatus.CONFIRMED.equals(user.status);
        return transactions.transaction(() -> checkUnique(pool, user)
                .chain(() -> confirmed ? aliases.claim(pool, user, Map.of(), UserAttributes.of(user), false)
                        : Uni.createFrom().voidItem())
                .chain(() -> users.persist(user))
                .chain(() -> outbox.record(UserEventType.UserCreated, user, Map.of()))
                .chain(() -> confirmed ? outbox.record(UserEventType.UserConfirmed, user, Map.of())
                        : Uni.createFrom().voidItem())
                .chain(() -> !confirmed && sendsCode(pool, user) ? codes.issue(user, ConfirmationCodes.SIGN_UP,
                        config.confirmationCodeTtl()) : Uni.createFrom().<String> nullItem()))
                .onFailure(Failures::isUniqueViolation).transform(e -> USERNAME_EXISTS.withMessage("User already exists"));
    }

    /**
     * PostConfirmation_ConfirmSignUp, once the confirmation is committed: a handler's error reaches the caller, and
     * the user stays confirmed (Cognito's order).
     */
    private Uni<Void> postConfirmation(PoolCall call, UserEntity user) {
        return triggers.postConfirmation(call, "PostConfirmation_ConfirmSignUp", user.username,
                UserAttributes.ofTrigger(user));
    }

    private Uni<CodeDeliveryDetails> deliverCode(UserPool pool, PoolCall call, UserEntity user, String code,
            CodeDelivery.Kind kind) {
        String attribute = codeAttribute(pool, user);
        return delivery.send(pool, call, user, kind, CodeDelivery.Medium.of(attribute),
                UserAttributes.of(user).get(attribute), code);
    }

    /**
     * ConfirmSignUp: the code proves the address it went to; with {@code forceAliasCreation} that address is taken
     * from another user who holds it as a verified alias (AliasExistsException otherwise).
     */
    public Uni<Void> confirmSignUp(String clientId, String username, String code, String secretHash,
            boolean forceAliasCreation, Map<String, String> clientMetadata) {
        return confirm(clientId, username, code, forceAliasCreation,
                client -> AppClientService.checkSecretHash(client, username, secretHash), clientMetadata);
    }

    /**
     * The link of a CONFIRM_WITH_LINK mail: the code in it proves the address, as the code of ConfirmSignUp does; a
     * browser cannot add a SECRET_HASH, and Cognito's link asks for none.
     */
    public Uni<Void> confirmByLink(String clientId, String username, String code) {
        return confirm(clientId, username, code, false, client -> {
        }, Map.of());
    }

    /** A user confirmed, and who confirmed it: for PostConfirmation, once the confirmation is committed. */
    private record Confirmed(PoolCall call, UserEntity user) {
    }

    private Uni<Void> confirm(String clientId, String username, String code, boolean forceAliasCreation,
            Consumer<AppClient> clientCheck, Map<String, String> clientMetadata) {
        return transactions.transaction(() -> clients.requireById(clientId).<Confirmed> chain(client -> {
            clientCheck.accept(client);
            return pools.require(client.poolId()).chain(pool -> lookup.find(pool, username).chain(user -> {
                if (user == null) {
                    throw client.preventUserExistenceErrors()
                            ? CODE_MISMATCH.withMessage("Invalid verification code provided, please try again.")
                            : USER_NOT_FOUND.withMessage("Username/client id combination not found.");
                }
                if (!UserStatus.UNCONFIRMED.equals(user.status)) {
                    throw NOT_AUTHORIZED.withMessage("User cannot be confirmed. Current status is %s", user.status);
                }
                return codes.consume(user, ConfirmationCodes.SIGN_UP, code)
                        .chain(() -> confirm(pool, user, true, forceAliasCreation))
                        .replaceWith(new Confirmed(pool.triggerCall(client.id(), clientMetadata), user));
            }));
        })).chain(confirmed -> postConfirmation(confirmed.call(), confirmed.user()));
    }

    public Uni<CodeDeliveryDetails> resendConfirmationCode(String clientId, String username, String secretHash,
            Map<String, String> clientMetadata) {
        return transactions.session(() -> clients.requireById(clientId).chain(client -> {
            AppClientService.checkSecretHash(client, username, secretHash);
            return pools.require(client.poolId()).chain(pool -> lookup.find(pool, username).chain(user -> {
                if (user == null) {
                    if (client.preventUserExistenceErrors()) {
                        // Answer as if the user existed, so the call reveals nothing about who has an account.
                        return Uni.createFrom().item(CodeDeliveryDetails.decoy(username));
                    }
                    throw USER_NOT_FOUND.withMessage("Username/client id combination not found.");
                }
                if (!UserStatus.UNCONFIRMED.equals(user.status)) {
                    throw INVALID_PARAMETER.withMessage("User is already confirmed.");
                }
                if (!sendsCode(pool, user)) {
                    throw INVALID_PARAMETER.withMessage("Auto verification not turned on.");
                }
                return transactions.transaction(() -> codes.issue(user, ConfirmationCodes.SIGN_UP,
                        config.confirmationCodeTtl()))
                        .chain(code -> deliverCode(pool, pool.triggerCall(client.id(), clientMetadata), user, code,
                                CodeDelivery.Kind.RESEND_CODE));
            }));
        }));
    }

    public Uni<Void> adminConfirmSignUp(String poolId, String username, Map<String, String> clientMetadata) {
        return transactions.transaction(() -> pools.require(poolId)
                .chain(pool -> lookup.find(pool, username).chain(user -> {
                    if (user == null) {
                        throw USER_NOT_FOUND.withMessage("User does not exist.");
                    }
                    if (!UserStatus.UNCONFIRMED.equals(user.status)) {
                        throw NOT_AUTHORIZED.withMessage("User cannot be confirmed. Current status is %s", user.status);
                    }
                    return confirm(pool, user, false, false)
                            .replaceWith(new Confirmed(pool.triggerCall(null, clientMetadata), user));
                }))).chain(confirmed -> postConfirmation(confirmed.call(), confirmed.user()));
    }

    /** Marks the user confirmed; a confirmed code proves the email or phone number it went to. */
    private Uni<Void> confirm(UserPool pool, UserEntity user, boolean codeProven, boolean forceAliasCreation) {
        user.status = UserStatus.CONFIRMED;
        String proven = codeProven ? codeAttribute(pool, user) : null;
        Map<String, String> before = UserAttributes.of(user);
        Map<String, String> attributes = UserAttributes.of(user);
        if (proven != null) {
            attributes.put(proven + "_verified", "true");
            UserAttributes.store(user, pool, attributes);
        }
        user.updatedAt = Instant.now();
        return aliases.claim(pool, user, before, attributes, forceAliasCreation).chain(() -> users.persist(user))
                .chain(() -> outbox.record(UserEventType.UserConfirmed, user, Map.of()));
    }

    /**
     * A new user entity. Where the pool signs in with email or phone (UsernameAttributes) the name given is that
     * attribute and the username is the user's sub, as in Cognito.
     */
    UserEntity newUser(UserPool pool, String username, Map<String, String> attributes) {
        UserEntity user = new UserEntity();
        user.sub = UUID.randomUUID();
        user.poolId = pool.id();
        user.enabled = true;
        user.createdAt = Instant.now();
        user.updatedAt = user.createdAt;
        if (!pool.usernameAttributes().isEmpty()) {
            if (UserAttributes.EMAIL.matcher(username).matches() && pool.usernameAttributes().contains("email")) {
                attributes.put("email", username);
            } else if (UserAttributes.PHONE.matcher(username).matches()
                    && pool.usernameAttributes().contains("phone_number")) {
                attributes.put("phone_number", username);
            } else {
                throw INVALID_PARAMETER.withMessage(pool.usernameAttributes().size() > 1
                        ? "Username should be either an email or a phone number."
                        : pool.usernameAttributes().contains("email") ? "Username should be an email."
                                : "Username should be a phone number.");
            }
            user.username = user.sub.toString();
        } else {
            if (pool.aliasAttributes().contains("email") && UserAttributes.EMAIL.matcher(username).matches()) {
                throw INVALID_PARAMETER.withMessage("Username cannot be of email format, since user pool is configured "
                        + "for email alias.");
            }
            if (pool.aliasAttributes().contains("phone_number") && UserAttributes.PHONE.matcher(username).matches()) {
                throw INVALID_PARAMETER.withMessage("Username cannot be of phone number format, since user pool is "
                        + "configured for phone_number alias.");
            }
            user.username = username;
        }
        user.usernameKey = pool.usernameKey(user.username);
        UserAttributes.store(user, pool, attributes);
        return user;
    }

    /** Refuses a username, or a sign-in email or phone number, that another user of the pool already has. */
    Uni<Void> checkUnique(UserPool pool, UserEntity user) {
        return users.findByUsernameKey(pool.id(), user.usernameKey).chain(existing -> {
            if (existing != null) {
                throw USERNAME_EXISTS.withMessage("User already exists");
            }
            if (pool.usernameAttributes().contains("email") && user.emailKey != null) {
                return users.findByEmail(pool.id(), user.emailKey).map(found -> {
                    if (!found.isEmpty()) {
                        throw USERNAME_EXISTS.withMessage("An account with the given email already exists.");
                    }
                    return null;
                });
            }
            if (pool.usernameAttributes().contains("phone_number") && user.phoneKey != null) {
                return users.findByPhone(pool.id(), user.phoneKey).map(found -> {
                    if (!found.isEmpty()) {
                        throw USERNAME_EXISTS.withMessage("An account with the given phone_number already exists.");
                    }
                    return null;
                });
            }
            return Uni.createFrom().voidItem();
        }).replaceWithVoid();
    }

    private static boolean sendsCode(UserPool pool, UserEntity user) {
        return codeAttribute(pool, user) != null;
    }

    /** Where the sign-up code goes: the email if the pool verifies email and the user has one, else the phone. */
    private static String codeAttribute(UserPool pool, UserEntity user) {
        Map<String, String> attributes = UserAttributes.of(user);
        for (String attribute : List.of("email", "phone_number")) {
            if (pool.autoVerifiedAttributes().contains(attribute) && attributes.containsKey(attribute)) {
                return attribute;
            }
        }
        return null;
    }
}
