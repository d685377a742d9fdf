package io.cognate.userpool.service;

import static io.cognate.userpool.api.CognitoError.CODE_MISMATCH;
import static io.cognate.userpool.api.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.api.CognitoError.NOT_AUTHORIZED;
import static io.cognate.userpool.api.CognitoError.USER_NOT_FOUND;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Json;
import io.cognate.userpool.api.Params;
import io.cognate.userpool.auth.PasswordVerifiers;
import io.cognate.userpool.messaging.Mail;
import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.SmsSender;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Account recovery: ForgotPassword and ConfirmForgotPassword, and AdminResetUserPassword. The code goes to the
 * first contact the pool's AccountRecoverySetting allows that the user has verified; it is valid for an hour.
 */
@ApplicationScoped
public class RecoveryService {
    private static final Duration CODE_TTL = Duration.ofHours(1);
    private static final String NO_RECOVERY_CONTACT = "Cannot reset password for the user as there is no "
            + "registered/verified email or phone_number";

    private final AppClientService clients;
    private final UserPoolService pools;
    private final UserLookup lookup;
    private final UserRepository users;
    private final PasswordVerifiers passwords;
    private final ConfirmationCodes codes;
    private final Outbox outbox;
    private final Mail mail;
    private final SmsSender sms;
    private final UserAdminService admin;

    public RecoveryService(AppClientService clients, UserPoolService pools, UserLookup lookup, UserRepository users,
            PasswordVerifiers passwords, ConfirmationCodes codes, Outbox outbox, Mail mail, SmsSender sms,
            UserAdminService admin) {
        this.clients = clients;
        this.pools = pools;
        this.lookup = lookup;
        this.users = users;
        this.passwords = passwords;
        this.codes = codes;
        this.outbox = outbox;
        this.mail = mail;
        this.sms = sms;
        this.admin = admin;
    }

    public Uni<ObjectNode> forgotPassword(Params request) {
        String clientId = request.clientId();
        String username = request.username();
        String secretHash = request.optional("SecretHash", 1, 128);
        return Panache.withTransaction(() -> clients.requireById(clientId).chain(client -> {
            AppClientService.checkSecretHash(client, username, secretHash);
            return pools.require(client.poolId()).chain(pool -> lookup.find(pool, username).chain(user -> {
                if (user == null) {
                    if (client.preventUserExistenceErrors()) {
                        // Answer as if the user existed, so the call reveals nothing about who has an account.
                        return Uni.createFrom().item(deliveryResponse(SignUpService.decoyDelivery(username)));
                    }
                    throw USER_NOT_FOUND.withMessage("Username/client id combination not found.");
                }
                if (!user.enabled) {
                    throw NOT_AUTHORIZED.withMessage("User is disabled.");
                }
                return sendCode(pool, user).map(RecoveryService::deliveryResponse);
            }));
        }));
    }

    public Uni<ObjectNode> confirmForgotPassword(Params request) {
        String clientId = request.clientId();
        String username = request.username();
        String code = request.required("ConfirmationCode", 1, 2048, Params.USERNAME);
        String password = request.required("Password", 1, 256);
        String secretHash = request.optional("SecretHash", 1, 128);
        return Panache.withTransaction(() -> clients.requireById(clientId).chain(client -> {
            AppClientService.checkSecretHash(client, username, secretHash);
            return pools.require(client.poolId()).chain(pool -> lookup.find(pool, username).chain(user -> {
                if (user == null) {
                    throw client.preventUserExistenceErrors()
                            ? CODE_MISMATCH.withMessage("Invalid verification code provided, please try again.")
                            : USER_NOT_FOUND.withMessage("Username/client id combination not found.");
                }
                if (!user.enabled) {
                    throw NOT_AUTHORIZED.withMessage("User is disabled.");
                }
                pool.checkNewPassword(password, "PASSWORD_CHANGE");
                return codes.consume(user, ConfirmationCodes.FORGOT_PASSWORD, code).chain(() -> {
                    passwords.set(user, pool, password);
                    user.status = UserStatus.CONFIRMED;
                    user.temporaryPasswordExpiresAt = null;
                    user.updatedAt = Instant.now();
                    return users.persist(user)
                            .chain(() -> outbox.record(UserEventType.PasswordChanged, user, Map.of("reason", "reset")));
                });
            }));
        })).replaceWith(Json::object);
    }

    /** AdminResetUserPassword: the password stops working (PasswordResetRequiredException) and a code is sent. */
    public Uni<ObjectNode> adminResetUserPassword(Params request) {
        String poolId = request.userPoolId();
        String username = request.username();
        return Panache.withTransaction(() -> pools.require(poolId).chain(pool -> admin.require(pool, username)
                .chain(user -> sendCode(pool, user).chain(ignored -> {
                    user.status = UserStatus.RESET_REQUIRED;
                    user.updatedAt = Instant.now();
                    return users.persist(user);
                })))).replaceWith(Json::object);
    }

    /** Issues a recovery code in the caller's transaction and mails it; the CodeDeliveryDetails. */
    private Uni<ObjectNode> sendCode(UserPool pool, UserEntity user) {
        Map<String, String> attributes = UserAttributes.of(user);
        for (String mechanism : pool.recoveryMechanisms()) {
            switch (mechanism) {
                case "admin_only" -> throw NOT_AUTHORIZED.withMessage(
                        "Contact an administrator to reset your password: this user pool allows no self-service recovery.");
                case "verified_email" -> {
                    if (attributes.containsKey("email") && "true".equals(attributes.get("email_verified"))) {
                        String email = attributes.get("email");
                        String[] message = pool.verificationEmail();
                        return codes.issue(user, ConfirmationCodes.FORGOT_PASSWORD, CODE_TTL)
                                .call(code -> mail.send(pool.emailSender(), email, message[0],
                                        SignUpService.fill(message[1], user.username, code)))
                                .replaceWith(() -> SignUpService.emailDelivery(email));
                    }
                }
                case "verified_phone_number" -> {
                    if (attributes.containsKey("phone_number")
                            && "true".equals(attributes.get("phone_number_verified"))) {
                        String phone = attributes.get("phone_number");
                        return codes.issue(user, ConfirmationCodes.FORGOT_PASSWORD, CODE_TTL)
                                .call(code -> sms.send(pool.id(), phone, SignUpService.fill(pool.verificationSms(),
                                        user.username, code), "FORGOT_PASSWORD"))
                                .replaceWith(() -> SignUpService.smsDelivery(phone));
                    }
                }
                default -> {
                }
            }
        }
        throw INVALID_PARAMETER.withMessage(NO_RECOVERY_CONTACT);
    }

    private static ObjectNode deliveryResponse(ObjectNode delivery) {
        ObjectNode response = Json.object();
        response.set("CodeDeliveryDetails", delivery);
        return response;
    }
}
