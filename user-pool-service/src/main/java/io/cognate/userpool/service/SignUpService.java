package io.cognate.userpool.service;

import static io.cognate.userpool.api.CognitoError.CODE_MISMATCH;
import static io.cognate.userpool.api.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.api.CognitoError.NOT_AUTHORIZED;
import static io.cognate.userpool.api.CognitoError.USERNAME_EXISTS;
import static io.cognate.userpool.api.CognitoError.USER_NOT_FOUND;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Json;
import io.cognate.userpool.api.Params;
import io.cognate.userpool.auth.PasswordVerifiers;
import io.cognate.userpool.config.CognateConfig;
import io.cognate.userpool.messaging.HtmlEscape;
import io.cognate.userpool.messaging.Mail;
import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.SmsSender;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Self-service sign-up and its confirmation by a code sent over email. */
@ApplicationScoped
public class SignUpService {
    static final Pattern LINK_PLACEHOLDER = Pattern.compile("\\{##(.+?)##\\}");
    private final AppClientService clients;
    private final UserPoolService pools;
    private final UserRepository users;
    private final UserLookup lookup;
    private final PasswordVerifiers passwords;
    private final ConfirmationCodes codes;
    private final Outbox outbox;
    private final Mail mail;
    private final SmsSender sms;
    private final CognateConfig config;

    public SignUpService(AppClientService clients, UserPoolService pools, UserRepository users, UserLookup lookup,
            PasswordVerifiers passwords, ConfirmationCodes codes, Outbox outbox, Mail mail, SmsSender sms,
            CognateConfig config) {
        this.clients = clients;
        this.pools = pools;
        this.users = users;
        this.lookup = lookup;
        this.passwords = passwords;
        this.codes = codes;
        this.outbox = outbox;
        this.mail = mail;
        this.sms = sms;
        this.config = config;
    }

    public Uni<ObjectNode> signUp(Params request) {
        String clientId = request.clientId();
        String username = request.username();
        String password = request.required("Password", 1, 256);
        String secretHash = request.optional("SecretHash", 1, 128);
        Map<String, String> attributes = request.attributes("UserAttributes");
        return Panache.withSession(() -> clients.requireById(clientId).chain(client -> {
            AppClientService.checkSecretHash(client, username, secretHash);
            return pools.require(client.poolId()).chain(pool -> {
                if (pool.allowAdminCreateUserOnly()) {
                    throw NOT_AUTHORIZED.withMessage("SignUp is not permitted for this user pool");
                }
                UserAttributes.checkWritable(pool, client, attributes, false);
                UserEntity user = newUser(pool, username, attributes);
                UserAttributes.checkRequired(pool, UserAttributes.of(user));
                pool.checkNewPassword(password, "SIGN_UP");
                user.status = UserStatus.UNCONFIRMED;
                passwords.set(user, pool, password);
                return create(pool, user).chain(code -> deliver(pool, client, user, code));
            });
        }));
    }

    /** Persists a new user with its UserCreated event and, if the pool verifies email, a confirmation code. */
    private Uni<String> create(UserPool pool, UserEntity user) {
        return Panache.withTransaction(() -> checkUnique(pool, user).chain(() -> users.persist(user))
                .chain(() -> outbox.record(UserEventType.UserCreated, user, Map.of()))
                .chain(() -> sendsCode(pool, user) ? codes.issue(user, ConfirmationCodes.SIGN_UP,
                        config.confirmationCodeTtl()) : Uni.createFrom().<String> nullItem()))
                .onFailure(Failures::isUniqueViolation).transform(e -> USERNAME_EXISTS.withMessage("User already exists"));
    }

    private Uni<ObjectNode> deliver(UserPool pool, AppClient client, UserEntity user, String code) {
        ObjectNode response = Json.object().put("UserConfirmed", false).put("UserSub", user.sub.toString());
        if (code == null) {
            return Uni.createFrom().item(response);
        }
        if ("phone_number".equals(codeAttribute(pool, user))) {
            String phone = UserAttributes.of(user).get("phone_number");
            return sms.send(pool.id(), phone, fill(pool.verificationSms(), user.username, code), "SIGN_UP")
                    .replaceWith(() -> response.set("CodeDeliveryDetails", smsDelivery(phone)));
        }
        String email = UserAttributes.of(user).get("email");
        if (pool.confirmsWithLink()) {
            String[] message = pool.verificationLinkEmail();
            return mail.send(pool.emailSender(), email, message[0], withLink(message[1], confirmationLink(client,
                    user, code))).replaceWith(() -> response.set("CodeDeliveryDetails", emailDelivery(email)));
        }
        String[] message = pool.verificationEmail();
        return mail.send(pool.emailSender(), email, message[0], fill(message[1], user.username, code))
                .replaceWith(() -> response.set("CodeDeliveryDetails", emailDelivery(email)));
    }

    /** CONFIRM_WITH_LINK: the link that confirms the sign-up (GET /confirmUser, as Cognito's hosted UI serves it). */
    private String confirmationLink(AppClient client, UserEntity user, String code) {
        return config.publicBaseUrl().replaceAll("/+$", "") + "/confirmUser?client_id="
                + URLEncoder.encode(client.id(), StandardCharsets.UTF_8) + "&user_name="
                + URLEncoder.encode(user.username, StandardCharsets.UTF_8) + "&confirmation_code=" + code;
    }

    /** Replaces the {##link text##} placeholder with an HTML link; the message becomes HTML. */
    static String withLink(String template, String link) {
        Matcher placeholder = LINK_PLACEHOLDER.matcher(template);
        String html = HtmlEscape.text(template);
        if (!placeholder.find()) {
            return html + "<br><a href=\"" + HtmlEscape.text(link) + "\">" + HtmlEscape.text(link) + "</a>";
        }
        String anchor = "<a href=\"" + HtmlEscape.text(link) + "\">" + HtmlEscape.text(placeholder.group(1)) + "</a>";
        return html.replace(HtmlEscape.text(placeholder.group()), anchor);
    }

    public Uni<ObjectNode> confirmSignUp(Params request) {
        String clientId = request.clientId();
        String username = request.username();
        String code = request.required("ConfirmationCode", 1, 2048, Params.USERNAME);
        String secretHash = request.optional("SecretHash", 1, 128);
        return confirm(clientId, username, code, client -> AppClientService.checkSecretHash(client, username,
                secretHash));
    }

    /**
     * The link of a CONFIRM_WITH_LINK mail: the code in it proves the address, as the code of ConfirmSignUp does; a
     * browser cannot add a SECRET_HASH, and Cognito's link asks for none.
     */
    public Uni<ObjectNode> confirmByLink(String clientId, String username, String code) {
        ObjectNode fields = Json.object();
        fields.put("ClientId", clientId).put("Username", username).put("ConfirmationCode", code);
        Params request = new Params(fields);
        return confirm(request.clientId(), request.username(),
                request.required("ConfirmationCode", 1, 2048, Params.USERNAME), client -> {
                });
    }

    private Uni<ObjectNode> confirm(String clientId, String username, String code, Consumer<AppClient> clientCheck) {
        return Panache.withTransaction(() -> clients.requireById(clientId).chain(client -> {
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
                return codes.consume(user, ConfirmationCodes.SIGN_UP, code).chain(() -> confirm(pool, user, true));
            }));
        })).replaceWith(Json::object);
    }

    public Uni<ObjectNode> resendConfirmationCode(Params request) {
        String clientId = request.clientId();
        String username = request.username();
        String secretHash = request.optional("SecretHash", 1, 128);
        return Panache.withSession(() -> clients.requireById(clientId).chain(client -> {
            AppClientService.checkSecretHash(client, username, secretHash);
            return pools.require(client.poolId()).chain(pool -> lookup.find(pool, username).chain(user -> {
                if (user == null) {
                    if (client.preventUserExistenceErrors()) {
                        // Answer as if the user existed, so the call reveals nothing about who has an account.
                        return Uni.createFrom().item(Json.object().set("CodeDeliveryDetails", decoyDelivery(username)));
                    }
                    throw USER_NOT_FOUND.withMessage("Username/client id combination not found.");
                }
                if (!UserStatus.UNCONFIRMED.equals(user.status)) {
                    throw INVALID_PARAMETER.withMessage("User is already confirmed.");
                }
                if (!sendsCode(pool, user)) {
                    throw INVALID_PARAMETER.withMessage("Auto verification not turned on.");
                }
                return Panache.withTransaction(() -> codes.issue(user, ConfirmationCodes.SIGN_UP, config.confirmationCodeTtl()))
                        .chain(code -> deliver(pool, client, user, code)).map(response -> {
                            ObjectNode answer = Json.object();
                            answer.set("CodeDeliveryDetails", response.get("CodeDeliveryDetails"));
                            return answer;
                        });
            }));
        }));
    }

    public Uni<ObjectNode> adminConfirmSignUp(Params request) {
        String poolId = request.userPoolId();
        String username = request.username();
        return Panache.withTransaction(() -> pools.require(poolId).chain(pool -> lookup.find(pool, username).chain(user -> {
            if (user == null) {
                throw USER_NOT_FOUND.withMessage("User does not exist.");
            }
            if (!UserStatus.UNCONFIRMED.equals(user.status)) {
                throw NOT_AUTHORIZED.withMessage("User cannot be confirmed. Current status is %s", user.status);
            }
            return confirm(pool, user, false);
        }))).replaceWith(Json::object);
    }

    /** Marks the user confirmed; a confirmed code proves the email or phone number it went to. */
    private Uni<Void> confirm(UserPool pool, UserEntity user, boolean codeProven) {
        user.status = UserStatus.CONFIRMED;
        String proven = codeProven ? codeAttribute(pool, user) : null;
        if (proven != null) {
            Map<String, String> attributes = UserAttributes.of(user);
            attributes.put(proven + "_verified", "true");
            UserAttributes.store(user, pool, attributes);
        }
        user.updatedAt = Instant.now();
        return users.persist(user).chain(() -> outbox.record(UserEventType.UserConfirmed, user, Map.of()));
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

    static ObjectNode emailDelivery(String email) {
        return Json.object().put("Destination", UserAttributes.maskEmail(email)).put("DeliveryMedium", "EMAIL")
                .put("AttributeName", "email");
    }

    /** The CodeDeliveryDetails answered for a name no user has (PreventUserExistenceErrors), as if a code went out. */
    static ObjectNode decoyDelivery(String username) {
        return emailDelivery(username.contains("@") ? username : "unknown@example.com");
    }

    static ObjectNode smsDelivery(String phone) {
        return Json.object().put("Destination", UserAttributes.maskPhone(phone)).put("DeliveryMedium", "SMS")
                .put("AttributeName", "phone_number");
    }

    static String fill(String template, String username, String code) {
        return template.replace("{username}", username).replace("{####}", code);
    }
}
