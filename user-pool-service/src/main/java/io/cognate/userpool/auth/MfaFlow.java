package io.cognate.userpool.auth;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.error.CognitoError.NOT_AUTHORIZED;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.userpool.error.Refusal;
import io.cognate.userpool.repository.DeviceRepository;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.CodeDelivery;
import io.cognate.userpool.service.ConfirmationCodes;
import io.cognate.userpool.service.UserAttributes;
import io.cognate.userpool.service.UserMfa;
import io.cognate.userpool.service.UserPool;
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

    private final TokenIssuer tokens;
    private final ChallengeSessions sessions;
    private final SoftwareTokens softwareTokens;
    private final UserRepository users;
    private final ConfirmationCodes codes;
    private final CodeDelivery delivery;
    private final SignInFailures failures;
    private final DeviceRepository devices;

    private final Transactions transactions;

    public MfaFlow(TokenIssuer tokens, ChallengeSessions sessions, SoftwareTokens softwareTokens, UserRepository users,
            ConfirmationCodes codes, CodeDelivery delivery, SignInFailures failures, DeviceRepository devices,
            Transactions transactions) {
        this.transactions = transactions;
        this.tokens = tokens;
        this.sessions = sessions;
        this.softwareTokens = softwareTokens;
        this.users = users;
        this.codes = codes;
        this.delivery = delivery;
        this.failures = failures;
        this.devices = devices;
    }

    /**
     * After a proven password of a confirmed user, in Cognito's order: DEVICE_SRP_AUTH at once when the sign-in names a
     * remembered device and the pool lets remembered devices stand in for MFA (DeviceConfiguration's
     * ChallengeRequiredOnNewDevice); otherwise the MFA challenge the pool and user call for, then DEVICE_SRP_AUTH when
     * the sign-in names a confirmed device, then tokens.
     */
    Uni<SignInOutcome> afterPassword(UserPool pool, AppClient client, UserEntity user, long authTime, String lastStep,
            String deviceKey, boolean hosted) {
        if (deviceKey == null || !pool.tracksDevices()) {
            return mfaStep(pool, client, user, proven(client, user, authTime, null, hosted), lastStep);
        }
        return devices.findOfUser(pool.id(), user.sub, deviceKey).chain(device -> {
            boolean confirmed = device != null && device.confirmed;
            ChallengeState proven = proven(client, user, authTime, confirmed ? deviceKey : null, hosted);
            if (confirmed && device.remembered && pool.rememberedDevicesSkipMfa()) {
                return Uni.createFrom().item(deviceChallenge(proven));
            }
            return mfaStep(pool, client, user, proven, lastStep);
        });
    }

    /** The sign-in's state once the password is proven, with the device it goes on to prove, if any. */
    private static ChallengeState proven(AppClient client, UserEntity user, long authTime, String deviceKey,
            boolean hosted) {
        return ChallengeState.start(Step.PASSWORD_PROVEN, client.poolId(), client.id(), user.sub.toString(),
                user.username, null, authTime, client.authSessionValidity().toSeconds(), deviceKey, hosted);
    }

    /** The MFA challenge the pool and user call for, or, with none, what follows MFA ({@link #afterMfa}). */
    private Uni<SignInOutcome> mfaStep(UserPool pool, AppClient client, UserEntity user, ChallengeState proven,
            String lastStep) {
        if ("OFF".equals(pool.mfaConfiguration())) {
            return afterMfa(pool, client, user, proven, lastStep);
        }
        List<String> factors = usableFactors(pool, user);
        if (factors.isEmpty()) {
            if (!"ON".equals(pool.mfaConfiguration())) {
                return afterMfa(pool, client, user, proven, lastStep);
            }
            if (!pool.mfaFactors().contains(UserMfa.SOFTWARE_TOKEN)) {
                throw NOT_AUTHORIZED.withMessage("MFA is required, and the user has no MFA method this pool offers.");
            }
            return Uni.createFrom().item(challenge(proven.next(Step.MFA_SETUP),
                    SignInOutcome.Challenge.parameters("MFAS_CAN_SETUP", List.of(UserMfa.SOFTWARE_TOKEN))));
        }
        if (user.mfaPreferred != null && factors.contains(user.mfaPreferred)) {
            return challengeFor(pool, user, proven, user.mfaPreferred);
        }
        if (factors.size() == 1) {
            return challengeFor(pool, user, proven, factors.get(0));
        }
        return Uni.createFrom().item(challenge(proven.next(Step.SELECT_MFA_TYPE),
                SignInOutcome.Challenge.parameters("MFAS_CAN_CHOOSE", factors)));
    }

    /** Once MFA is satisfied (or not asked): the device's proof when the sign-in names a confirmed device, else tokens. */
    private Uni<SignInOutcome> afterMfa(UserPool pool, AppClient client, UserEntity user, ChallengeState state,
            String lastStep) {
        if (state.deviceKey() != null) {
            return Uni.createFrom().item(deviceChallenge(state));
        }
        return tokens.signIn(pool, client, user, state, lastStep);
    }

    private SignInOutcome deviceChallenge(ChallengeState state) {
        return challenge(state.deviceStep(), Map.of());
    }

    /** RespondToAuthChallenge for an MFA challenge; call inside a session. */
    Uni<SignInOutcome> respond(UserPool pool, AppClient client, Step step, String session,
            Map<String, String> responses) {
        if (session == null) {
            throw INVALID_PARAMETER.withMessage("Missing required parameter Session");
        }
        return switch (step) {
            case SOFTWARE_TOKEN_MFA -> softwareToken(pool, client, session,
                    AuthParameters.required(responses, "SOFTWARE_TOKEN_MFA_CODE"));
            case EMAIL_OTP -> codeChallenge(pool, client, session, step, ConfirmationCodes.MFA_EMAIL,
                    AuthParameters.required(responses, "EMAIL_OTP_CODE"));
            case SMS_MFA -> codeChallenge(pool, client, session, step, ConfirmationCodes.MFA_SMS,
                    AuthParameters.required(responses, "SMS_MFA_CODE"));
            case SELECT_MFA_TYPE -> select(pool, client, session, AuthParameters.required(responses, "ANSWER"));
            case MFA_SETUP -> sessions.consume(session, Step.MFA_SETUP_VERIFIED, client.id())
                    .chain(state -> user(pool, state).chain(user -> tokens.signIn(pool, client, user, state,
                            Step.MFA_SETUP.name())));
            default -> throw new IllegalArgumentException(step.name());
        };
    }

    private Uni<SignInOutcome> softwareToken(UserPool pool, AppClient client, String session, String code) {
        ChallengeState state = sessions.check(session, Step.SOFTWARE_TOKEN_MFA, client.id());
        return sessions.requireUnanswered(state).chain(() -> user(pool, state)).chain(user -> {
            OptionalLong step = softwareTokens.match(user, code);
            if (step.isEmpty()) {
                return failures.wrongCode(user, client, Step.SOFTWARE_TOKEN_MFA);
            }
            return users.claimTotpStep(pool.id(), user.sub, step.getAsLong()).chain(claimed -> {
                if (!claimed) {
                    return failures.wrongCode(user, client, Step.SOFTWARE_TOKEN_MFA);
                }
                return sessions.markAnswered(state).chain(() -> afterMfa(pool, client, user, state,
                        Step.SOFTWARE_TOKEN_MFA.name()));
            });
        });
    }

    /** EMAIL_OTP and SMS_MFA: the code sent with the challenge (wrong codes count, five at most). */
    private Uni<SignInOutcome> codeChallenge(UserPool pool, AppClient client, String session, Step step, String purpose,
            String code) {
        ChallengeState state = sessions.check(session, step, client.id());
        return sessions.requireUnanswered(state).chain(() -> user(pool, state)).chain(user -> transactions
                .transaction(() -> codes.consume(user, purpose, code)).chain(() -> sessions.markAnswered(state))
                .chain(() -> afterMfa(pool, client, user, state, step.name())));
    }

    private Uni<SignInOutcome> select(UserPool pool, AppClient client, String session, String answer) {
        return sessions.consume(session, Step.SELECT_MFA_TYPE, client.id()).chain(state -> user(pool, state)
                .chain(user -> {
                    if (!usableFactors(pool, user).contains(answer)) {
                        throw INVALID_PARAMETER.withMessage("ANSWER must be one of the MFA methods in MFAS_CAN_CHOOSE.");
                    }
                    return challengeFor(pool, user, state, answer);
                }));
    }

    /** The challenge of one factor; for a code factor, the code is issued and sent with it. */
    private Uni<SignInOutcome> challengeFor(UserPool pool, UserEntity user, ChallengeState previous, String factor) {
        ChallengeState next = previous.next(Step.valueOf(factor));
        if (UserMfa.SOFTWARE_TOKEN.equals(factor)) {
            return Uni.createFrom().item(challenge(next, Map.of()));
        }
        boolean sms = UserMfa.SMS.equals(factor);
        CodeDelivery.Medium medium = sms ? CodeDelivery.Medium.SMS : CodeDelivery.Medium.EMAIL;
        return transactions.transaction(() -> codes.issue(user, sms ? ConfirmationCodes.MFA_SMS
                : ConfirmationCodes.MFA_EMAIL, CODE_TTL))
                .chain(code -> delivery.send(pool, pool.triggerCall(previous.clientId(), Map.of()), user,
                        CodeDelivery.Kind.AUTHENTICATION, medium, UserAttributes.of(user).get(medium.attribute()), code))
                .map(sent -> challenge(next, SignInOutcome.Challenge.parameters("CODE_DELIVERY_DELIVERY_MEDIUM",
                        sent.deliveryMedium(), "CODE_DELIVERY_DESTINATION", sent.destination())));
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

    /** The user a state names, still allowed to sign in. */
    Uni<UserEntity> user(UserPool pool, ChallengeState state) {
        if (!state.poolId().equals(pool.id())) {
            throw Refusal.INVALID_SESSION.exception();
        }
        return users.findBySub(pool.id(), UUID.fromString(state.sub())).map(user -> {
            if (user == null) {
                throw Refusal.INVALID_SESSION.exception();
            }
            SignInFailures.checkCanSignIn(user);
            return user;
        });
    }

    SignInOutcome challenge(ChallengeState state, Map<String, ?> parameters) {
        return SignInOutcome.Challenge.of(state, sessions.seal(state), parameters);
    }
}
