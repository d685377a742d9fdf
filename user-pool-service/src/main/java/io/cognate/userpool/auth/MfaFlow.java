package io.cognate.userpool.auth;

import static io.cognate.userpool.api.CognitoError.CODE_MISMATCH;
import static io.cognate.userpool.api.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.api.CognitoError.NOT_AUTHORIZED;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Json;
import io.cognate.userpool.messaging.Mail;
import io.cognate.userpool.messaging.SmsSender;
import io.cognate.userpool.repository.DeviceRepository;
import io.cognate.userpool.repository.FailedSignIns;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.ConfirmationCodes;
import io.cognate.userpool.service.UserAttributes;
import io.cognate.userpool.service.UserMfa;
import io.cognate.userpool.service.UserPool;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The second factor of a sign-in, after the password (USER_SRP_AUTH or USER_PASSWORD_AUTH): which challenge the
 * pool's MfaConfiguration and the user's factors call for (SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP, SELECT_MFA_TYPE, or
 * MFA_SETUP when MFA is required and the user has none), and the answers to them. A wrong code leaves the Session
 * usable for another try but counts toward the lockout, which bounds guessing.
 */
@ApplicationScoped
public class MfaFlow {
    private static final Duration CODE_TTL = Duration.ofMinutes(3);
    private static final String WRONG_CODE = "Invalid code received for user";
    static final String DEVICE_SRP_AUTH = "DEVICE_SRP_AUTH";
    /** The challenges a code answers; a correct answer may lead to DEVICE_SRP_AUTH. */
    static final Set<String> CODE_CHALLENGES = Set.of("SOFTWARE_TOKEN_MFA", "SMS_MFA", "EMAIL_OTP");

    private final TokenIssuer tokens;
    private final ChallengeSessions sessions;
    private final SoftwareTokens softwareTokens;
    private final UserRepository users;
    private final ConfirmationCodes codes;
    private final Mail mail;
    private final SmsSender sms;
    private final FailedSignIns failedSignIns;
    private final DeviceRepository devices;

    public MfaFlow(TokenIssuer tokens, ChallengeSessions sessions, SoftwareTokens softwareTokens, UserRepository users,
            ConfirmationCodes codes, Mail mail, SmsSender sms, FailedSignIns failedSignIns, DeviceRepository devices) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.softwareTokens = softwareTokens;
        this.users = users;
        this.codes = codes;
        this.mail = mail;
        this.sms = sms;
        this.failedSignIns = failedSignIns;
        this.devices = devices;
    }

    /**
     * After a proven password of a confirmed user, in Cognito's order: DEVICE_SRP_AUTH at once when the sign-in names a
     * remembered device and the pool lets remembered devices stand in for MFA (DeviceConfiguration's
     * ChallengeRequiredOnNewDevice); otherwise the MFA challenge the pool and user call for, then DEVICE_SRP_AUTH when
     * the sign-in names a confirmed device, then tokens.
     */
    Uni<ObjectNode> afterPassword(UserPool pool, AppClient client, UserEntity user, long authTime, String authFlow,
            String deviceKey) {
        if (deviceKey == null || !pool.tracksDevices()) {
            return mfaStep(pool, client, user, start(pool, client, user, authTime, null), authFlow);
        }
        return devices.findOfUser(pool.id(), user.sub, deviceKey).chain(device -> {
            boolean confirmed = device != null && device.confirmed;
            Challenge start = start(pool, client, user, authTime, confirmed ? deviceKey : null);
            if (confirmed && device.remembered && pool.rememberedDevicesSkipMfa()) {
                return Uni.createFrom().item(deviceChallenge(start));
            }
            return mfaStep(pool, client, user, start, authFlow);
        });
    }

    /** The sign-in's state once the password is proven, with the device it goes on to prove, if any. */
    private Challenge start(UserPool pool, AppClient client, UserEntity user, long authTime, String deviceKey) {
        return Challenge.afterPassword("", pool.id(), client.id(), user.sub.toString(), user.username, authTime,
                sessions.expiry(), deviceKey);
    }

    /** The MFA challenge the pool and user call for, or, with none, what follows MFA ({@link #afterMfa}). */
    private Uni<ObjectNode> mfaStep(UserPool pool, AppClient client, UserEntity user, Challenge start,
            String authFlow) {
        if ("OFF".equals(pool.mfaConfiguration())) {
            return afterMfa(pool, client, user, start, authFlow);
        }
        List<String> factors = usableFactors(pool, user);
        if (factors.isEmpty()) {
            if (!"ON".equals(pool.mfaConfiguration())) {
                return afterMfa(pool, client, user, start, authFlow);
            }
            if (!pool.mfaFactors().contains(UserMfa.SOFTWARE_TOKEN)) {
                throw NOT_AUTHORIZED.withMessage("MFA is required, and the user has no MFA method this pool offers.");
            }
            return Uni.createFrom().item(challenge(start.next("MFA_SETUP", start.expiresAt()), "MFA_SETUP",
                    Map.of("MFAS_CAN_SETUP", Json.write(Json.strings(List.of(UserMfa.SOFTWARE_TOKEN))))));
        }
        if (user.mfaPreferred != null && factors.contains(user.mfaPreferred)) {
            return challengeFor(pool, user, start, user.mfaPreferred);
        }
        if (factors.size() == 1) {
            return challengeFor(pool, user, start, factors.get(0));
        }
        return Uni.createFrom().item(challenge(start.next("SELECT_MFA_TYPE", start.expiresAt()), "SELECT_MFA_TYPE",
                Map.of("MFAS_CAN_CHOOSE", Json.write(Json.strings(factors)))));
    }

    /** Once MFA is satisfied (or not asked): the device's proof when the sign-in names a confirmed device, else tokens. */
    private Uni<ObjectNode> afterMfa(UserPool pool, AppClient client, UserEntity user, Challenge step,
            String authFlow) {
        if (step.deviceKey() != null) {
            return Uni.createFrom().item(deviceChallenge(step));
        }
        return tokens.signIn(pool, client, user, step.authTime(), authFlow);
    }

    private ObjectNode deviceChallenge(Challenge step) {
        return challenge(step.deviceStep(sessions.expiry()), DEVICE_SRP_AUTH, Map.of());
    }

    /** RespondToAuthChallenge for an MFA challenge; call inside a session. */
    Uni<ObjectNode> respond(UserPool pool, AppClient client, String challengeName, String session,
            Map<String, String> responses) {
        if (session == null) {
            throw INVALID_PARAMETER.withMessage("Missing required parameter Session");
        }
        return switch (challengeName) {
            case "SOFTWARE_TOKEN_MFA" -> softwareToken(pool, client, session, responses);
            case "EMAIL_OTP" -> codeChallenge(pool, client, session, "EMAIL_OTP", ConfirmationCodes.MFA_EMAIL,
                    AuthParameters.required(responses, "EMAIL_OTP_CODE"));
            case "SMS_MFA" -> codeChallenge(pool, client, session, "SMS_MFA", ConfirmationCodes.MFA_SMS,
                    AuthParameters.required(responses, "SMS_MFA_CODE"));
            case "SELECT_MFA_TYPE" -> select(pool, client, session, responses);
            case "MFA_SETUP" -> sessions.consume(session, SoftwareTokens.VERIFIED, client.id())
                    .chain(challenge -> user(pool, challenge).chain(user -> tokens.signIn(pool, client, user,
                            challenge.authTime(), "MFA_SETUP")));
            default -> throw new IllegalArgumentException(challengeName);
        };
    }

    private Uni<ObjectNode> softwareToken(UserPool pool, AppClient client, String session,
            Map<String, String> responses) {
        String code = AuthParameters.required(responses, "SOFTWARE_TOKEN_MFA_CODE");
        Challenge challenge = sessions.check(session, "SOFTWARE_TOKEN_MFA", client.id());
        return sessions.requireUnanswered(challenge).chain(() -> user(pool, challenge)).chain(user -> {
            OptionalLong step = softwareTokens.match(user, code);
            if (step.isEmpty()) {
                return wrongCode(user, client, "SOFTWARE_TOKEN_MFA");
            }
            return users.claimTotpStep(pool.id(), user.sub, step.getAsLong()).chain(claimed -> {
                if (!claimed) {
                    return wrongCode(user, client, "SOFTWARE_TOKEN_MFA");
                }
                return sessions.markAnswered(challenge).chain(() -> afterMfa(pool, client, user, challenge,
                        "SOFTWARE_TOKEN_MFA"));
            });
        });
    }

    /** EMAIL_OTP and SMS_MFA: the code sent with the challenge (wrong codes count, five at most). */
    private Uni<ObjectNode> codeChallenge(UserPool pool, AppClient client, String session, String name,
            String purpose, String code) {
        Challenge challenge = sessions.check(session, name, client.id());
        return sessions.requireUnanswered(challenge).chain(() -> user(pool, challenge)).chain(user -> Panache
                .withTransaction(() -> codes.consume(user, purpose, code)).chain(() -> sessions.markAnswered(challenge))
                .chain(() -> afterMfa(pool, client, user, challenge, name)));
    }

    private Uni<ObjectNode> select(UserPool pool, AppClient client, String session, Map<String, String> responses) {
        String answer = AuthParameters.required(responses, "ANSWER");
        return sessions.consume(session, "SELECT_MFA_TYPE", client.id()).chain(challenge -> user(pool, challenge)
                .chain(user -> {
                    if (!usableFactors(pool, user).contains(answer)) {
                        throw INVALID_PARAMETER.withMessage("ANSWER must be one of the MFA methods in MFAS_CAN_CHOOSE.");
                    }
                    return challengeFor(pool, user, challenge, answer);
                }));
    }

    private Uni<ObjectNode> challengeFor(UserPool pool, UserEntity user, Challenge previous, String factor) {
        Challenge next = previous.next(factor, sessions.expiry());
        if (UserMfa.SOFTWARE_TOKEN.equals(factor)) {
            return Uni.createFrom().item(challenge(next, factor, Map.of()));
        }
        if (UserMfa.SMS.equals(factor)) {
            String phone = UserAttributes.of(user).get("phone_number");
            return Panache.withTransaction(() -> codes.issue(user, ConfirmationCodes.MFA_SMS, CODE_TTL))
                    .call(code -> sms.send(pool.id(), phone, pool.mfaSms().replace("{####}", code), factor))
                    .map(code -> challenge(next, factor, Map.of("CODE_DELIVERY_DELIVERY_MEDIUM", "SMS",
                            "CODE_DELIVERY_DESTINATION", UserAttributes.maskPhone(phone))));
        }
        String email = UserAttributes.of(user).get("email");
        String[] message = pool.mfaEmail();
        return Panache.withTransaction(() -> codes.issue(user, ConfirmationCodes.MFA_EMAIL, CODE_TTL))
                .call(code -> mail.send(pool.emailSender(), email, message[0], message[1].replace("{username}", user.username)
                        .replace("{####}", code)))
                .map(code -> challenge(next, factor, Map.of("CODE_DELIVERY_DELIVERY_MEDIUM", "EMAIL",
                        "CODE_DELIVERY_DESTINATION", UserAttributes.maskEmail(email))));
    }

    /** The user's factors the pool offers; where MFA is required, also those the user has but did not enable. */
    static List<String> usableFactors(UserPool pool, UserEntity user) {
        List<String> offered = pool.mfaFactors();
        List<String> factors = new ArrayList<>();
        for (String factor : UserMfa.enabled(user)) {
            if (offered.contains(factor)) {
                factors.add(factor);
            }
        }
        if (factors.isEmpty() && "ON".equals(pool.mfaConfiguration())) {
            if (offered.contains(UserMfa.SOFTWARE_TOKEN) && user.totpSecret != null) {
                factors.add(UserMfa.SOFTWARE_TOKEN);
            }
            if (offered.contains(UserMfa.EMAIL_OTP) && UserMfa.hasVerifiedEmail(user)) {
                factors.add(UserMfa.EMAIL_OTP);
            }
            if (offered.contains(UserMfa.SMS) && UserAttributes.of(user).containsKey("phone_number")) {
                factors.add(UserMfa.SMS);
            }
        }
        return factors;
    }

    private <T> Uni<T> wrongCode(UserEntity user, AppClient client, String challengeName) {
        failedSignIns.record(user, Map.of("clientId", client.id(), "authFlow", challengeName, "reason",
                "CodeMismatchException"));
        return Uni.createFrom().failure(CODE_MISMATCH.withMessage(WRONG_CODE));
    }

    Uni<UserEntity> user(UserPool pool, Challenge challenge) {
        if (!challenge.poolId().equals(pool.id())) {
            throw NOT_AUTHORIZED.withMessage("Invalid session for the user.");
        }
        return users.findBySub(pool.id(), UUID.fromString(challenge.sub())).map(user -> {
            if (user == null) {
                throw NOT_AUTHORIZED.withMessage("Invalid session for the user.");
            }
            SignInCompletion.checkEnabled(user);
            SignInCompletion.checkNotLockedOut(user);
            return user;
        });
    }

    ObjectNode challenge(Challenge challenge, String name, Map<String, String> parameters) {
        ObjectNode response = Json.object().put("ChallengeName", name).put("Session", sessions.seal(challenge));
        ObjectNode challengeParameters = response.putObject("ChallengeParameters");
        challengeParameters.put("USER_ID_FOR_SRP", challenge.username());
        parameters.forEach(challengeParameters::put);
        return response;
    }
}
