package io.cognate.userpool.auth;

import static io.cognate.userpool.error.CognitoError.INVALID_LAMBDA_RESPONSE;
import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.error.Refusal;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.UserAttributes;
import io.cognate.userpool.service.UserPool;
import io.cognate.userpool.service.UserStatus;
import io.cognate.userpool.triggers.ChallengeRound;
import io.cognate.userpool.triggers.CustomChallenge;
import io.cognate.userpool.triggers.PoolCall;
import io.cognate.userpool.triggers.Triggers;
import io.smallrye.mutiny.Uni;

/**
 * CUSTOM_AUTH: the pool's DefineAuthChallenge decides, round after round, whether to issue tokens, fail, or ask a
 * challenge: CUSTOM_CHALLENGE (made by CreateAuthChallenge, checked by VerifyAuthChallengeResponse) or, when the
 * client began with SRP_A (CHALLENGE_NAME=SRP_A, as amazon-cognito-identity-js's authenticateUser does), the
 * password by SRP (PASSWORD_VERIFIER). The rounds travel sealed in the Session. A name no user has goes through the
 * same rounds with {@code userNotFound} where the client hides that users do not exist, and never gets tokens.
 */
@ApplicationScoped
public class CustomAuthFlow {
    private final SignInStart signInStart;
    private final UserRepository users;
    private final ChallengeSessions sessions;
    private final Triggers triggers;
    private final SrpFlow srp;
    private final TokenIssuer tokens;

    public CustomAuthFlow(SignInStart signInStart, UserRepository users, ChallengeSessions sessions, Triggers triggers,
            SrpFlow srp, TokenIssuer tokens) {
        this.signInStart = signInStart;
        this.users = users;
        this.sessions = sessions;
        this.triggers = triggers;
        this.srp = srp;
        this.tokens = tokens;
    }

    /** InitiateAuth CUSTOM_AUTH; {@code clientMetadata} is PreAuthentication's validationData. Call in a session. */
    public Uni<SignInOutcome> start(UserPool pool, AppClient client, Map<String, String> parameters,
            Map<String, String> clientMetadata) {
        String username = AuthParameters.required(parameters, "USERNAME");
        AppClientService.checkSecretHash(client, username, parameters.get("SECRET_HASH"));
        String challenge = parameters.get("CHALLENGE_NAME");
        if (challenge != null && !"SRP_A".equals(challenge)) {
            throw INVALID_PARAMETER.withMessage("CHALLENGE_NAME must be SRP_A when given.");
        }
        BigInteger a = challenge == null ? null : SrpFlow.clientPublic(AuthParameters.required(parameters, "SRP_A"));
        return signInStart.user(pool, client, username, clientMetadata)
                .chain(user -> next(pool, client, user, user == null ? username : user.username,
                        a == null ? List.of() : List.of(new ChallengeRound("SRP_A", true, null)), a));
    }

    /** RespondToAuthChallenge CUSTOM_CHALLENGE: the answer to the open challenge, then the next round. */
    public Uni<SignInOutcome> respond(UserPool pool, AppClient client, String session, Map<String, String> responses) {
        if (session == null) {
            throw INVALID_PARAMETER.withMessage("Missing required parameter Session");
        }
        String answer = AuthParameters.required(responses, "ANSWER");
        String username = AuthParameters.required(responses, "USERNAME");
        AppClientService.checkSecretHash(client, username, responses.get("SECRET_HASH"));
        return sessions.consume(session, Step.CUSTOM_CHALLENGE, client.id()).chain(state -> user(pool, state)
                .chain(user -> triggers.verifyAuthChallengeResponse(call(pool, client), state.username(),
                        attributes(user), state.custom().privateParameters(), answer, user == null)
                        .chain(correct -> next(pool, client, user, state.username(), state.custom()
                                .with(new ChallengeRound("CUSTOM_CHALLENGE", correct, state.custom().metadata())),
                                null))));
    }

    /** The password proven by SRP inside a custom authentication: the next round. */
    Uni<SignInOutcome> passwordVerified(UserPool pool, AppClient client, UserEntity user, ChallengeState state) {
        return next(pool, client, user, user.username,
                state.custom().with(new ChallengeRound("PASSWORD_VERIFIER", true, null)), null);
    }

    /** DefineAuthChallenge's decision on the rounds so far; {@code a}: the client's SRP_A of the first round. */
    private Uni<SignInOutcome> next(UserPool pool, AppClient client, UserEntity user, String username,
            List<ChallengeRound> rounds, BigInteger a) {
        PoolCall call = call(pool, client);
        return triggers.defineAuthChallenge(call, username, attributes(user), rounds, user == null).chain(next -> {
            if (next.failAuthentication() || next.issueTokens() && user == null) {
                throw Refusal.WRONG_CREDENTIALS.exception();
            }
            if (next.issueTokens()) {
                return issue(pool, client, user);
            }
            if ("CUSTOM_CHALLENGE".equals(next.challengeName())) {
                return triggers.createAuthChallenge(call, username, attributes(user), "CUSTOM_CHALLENGE", rounds,
                        user == null).map(created -> challenge(pool, client, user, username, rounds, created));
            }
            if ("PASSWORD_VERIFIER".equals(next.challengeName()) && a != null) {
                return Uni.createFrom().item(srp.challenge(pool, client, user, username, a, null,
                        new ChallengeState.Custom(rounds, Map.of(), null)));
            }
            throw INVALID_LAMBDA_RESPONSE.withMessage("Unrecognizable lambda output");
        });
    }

    private SignInOutcome challenge(UserPool pool, AppClient client, UserEntity user, String username,
            List<ChallengeRound> rounds, CustomChallenge.Created created) {
        ChallengeState state = ChallengeState.custom(Step.CUSTOM_CHALLENGE, pool.id(), client.id(),
                user == null ? null : user.sub.toString(), username, null, client.authSessionValidity().toSeconds(),
                new ChallengeState.Custom(rounds, created.privateParameters(), created.metadata()));
        Map<String, Object> parameters = new LinkedHashMap<>(created.publicParameters());
        parameters.put("USERNAME", username);
        return new SignInOutcome.Challenge(Step.CUSTOM_CHALLENGE.name(), parameters, sessions.seal(state));
    }

    /** Tokens, for a user who may sign in; custom authentication stands in for the password and for MFA. */
    private Uni<SignInOutcome> issue(UserPool pool, AppClient client, UserEntity user) {
        switch (user.status) {
            case UserStatus.UNCONFIRMED -> throw Refusal.USER_NOT_CONFIRMED.exception();
            case UserStatus.RESET_REQUIRED -> throw Refusal.PASSWORD_RESET_REQUIRED.exception();
            default -> {
                ChallengeState state = ChallengeState.start(Step.CUSTOM_CHALLENGE, pool.id(), client.id(),
                        user.sub.toString(), user.username, null, Instant.now().getEpochSecond(),
                        client.authSessionValidity().toSeconds(), null, false);
                return tokens.signIn(pool, client, user, state, Step.CUSTOM_CHALLENGE.name());
            }
        }
    }

    private Uni<UserEntity> user(UserPool pool, ChallengeState state) {
        if (!state.poolId().equals(pool.id())) {
            throw Refusal.INVALID_SESSION.exception();
        }
        return state.sub() == null ? Uni.createFrom().nullItem()
                : users.findBySub(pool.id(), UUID.fromString(state.sub())).map(user -> {
                    if (user == null) {
                        throw Refusal.WRONG_CREDENTIALS.exception();
                    }
                    SignInFailures.checkCanSignIn(user);
                    return user;
                });
    }

    private static PoolCall call(UserPool pool, AppClient client) {
        return pool.triggerCall(client);
    }

    private static Map<String, String> attributes(UserEntity user) {
        return user == null ? Map.of() : UserAttributes.ofTrigger(user);
    }
}
