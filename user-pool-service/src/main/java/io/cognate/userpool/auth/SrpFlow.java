package io.cognate.userpool.auth;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.credentials.PasswordVerifiers;
import io.cognate.userpool.credentials.Srp;
import io.cognate.userpool.error.Refusal;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.UserPool;
import io.smallrye.mutiny.Uni;

/**
 * USER_SRP_AUTH: the password never leaves the client. Step one answers PASSWORD_VERIFIER with B, the salt and a
 * SECRET_BLOCK that holds the sealed state (b and A); step two checks PASSWORD_CLAIM_SIGNATURE, which only a client
 * that knows the password can compute.
 */
@ApplicationScoped
public class SrpFlow {
    private final SignInStart signInStart;
    private final UserRepository users;
    private final PasswordVerifiers passwords;
    private final ChallengeSessions sessions;
    private final SignInFailures failures;
    private final PasswordProven proven;
    private final CustomAuthFlow customAuth;

    /** {@code customAuth} goes on with a custom authentication whose SRP step this was (the two call each other). */
    public SrpFlow(SignInStart signInStart, UserRepository users, PasswordVerifiers passwords, ChallengeSessions sessions,
            SignInFailures failures, PasswordProven proven, CustomAuthFlow customAuth) {
        this.signInStart = signInStart;
        this.customAuth = customAuth;
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.failures = failures;
        this.proven = proven;
    }

    /**
     * Step one (InitiateAuth), after the PreAuthentication trigger ({@code clientMetadata} its validationData); call
     * inside a session.
     */
    public Uni<SignInOutcome> start(UserPool pool, AppClient client, Map<String, String> parameters,
            Map<String, String> clientMetadata) {
        String username = AuthParameters.required(parameters, "USERNAME");
        BigInteger a = clientPublic(AuthParameters.required(parameters, "SRP_A"));
        AppClientService.checkSecretHash(client, username, parameters.get("SECRET_HASH"));
        return signInStart.user(pool, client, username, clientMetadata)
                .map(user -> challenge(pool, client, user, username, a, parameters.get("DEVICE_KEY"), null));
    }

    /**
     * The PASSWORD_VERIFIER challenge for {@code user} ({@code custom}: the rounds of a custom authentication it is
     * part of, else null). A name no user has gets a decoy challenge that looks real and can never be answered.
     */
    SignInOutcome challenge(UserPool pool, AppClient client, UserEntity user, String username, BigInteger a,
            String deviceKey, ChallengeState.Custom custom) {
        boolean decoy = user == null || !passwords.hasPassword(user);
        BigInteger verifier = decoy ? passwords.decoyVerifier(pool.id(), username) : passwords.verifier(user);
        BigInteger salt = decoy ? passwords.decoySalt(pool.id(), username) : passwords.salt(user);
        BigInteger b = Srp.newPrivateEphemeral();
        BigInteger bPublic = Srp.publicEphemeral(b, verifier);
        String userId = user == null ? username : user.username;
        ChallengeState.SrpExchange exchange = new ChallengeState.SrpExchange(Srp.hex(b), Srp.hex(a),
                Srp.hex(Srp.u(a, bPublic)));
        String sub = decoy ? null : user.sub.toString();
        long validity = client.authSessionValidity().toSeconds();
        ChallengeState state = custom == null
                ? ChallengeState.start(Step.PASSWORD_VERIFIER, pool.id(), client.id(), sub, userId, exchange, 0,
                        validity, deviceKey, false)
                : ChallengeState.custom(Step.PASSWORD_VERIFIER, pool.id(), client.id(), sub, userId, exchange, validity,
                        custom);
        // Clients echo SECRET_BLOCK (most) or Session (some): both carry the same sealed state.
        String sealed = sessions.seal(state);
        return new SignInOutcome.Challenge(Step.PASSWORD_VERIFIER.name(), SignInOutcome.Challenge.parameters(
                "SALT", Srp.hex(salt), "SRP_B", Srp.hex(bPublic), "SECRET_BLOCK", sealed, "USER_ID_FOR_SRP",
                userId, "USERNAME", userId), sealed);
    }

    /** Step two (RespondToAuthChallenge PASSWORD_VERIFIER); call inside a session. */
    public Uni<SignInOutcome> verify(UserPool pool, AppClient client, Map<String, String> responses) {
        String secretBlock = AuthParameters.required(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
        String signature = AuthParameters.required(responses, "PASSWORD_CLAIM_SIGNATURE");
        String timestamp = AuthParameters.required(responses, "TIMESTAMP");
        String username = AuthParameters.required(responses, "USERNAME");
        AppClientService.checkSecretHash(client, username, responses.get("SECRET_HASH"));
        return sessions.consume(secretBlock, Step.PASSWORD_VERIFIER, client.id()).chain(state -> {
            if (!state.poolId().equals(pool.id())) {
                throw Refusal.WRONG_CREDENTIALS.exception();
            }
            if (state.decoy()) {
                return decoyAnswer(pool, state, secretBlock, timestamp);
            }
            return users.findBySub(pool.id(), UUID.fromString(state.sub())).chain(user -> {
                if (user == null) {
                    throw Refusal.WRONG_CREDENTIALS.exception();
                }
                SignInFailures.checkCanSignIn(user);
                if (!signatureMatches(pool, user, state, secretBlock, timestamp, signature)) {
                    return failures.wrongPassword(user, client, AuthFlow.USER_SRP_AUTH.name());
                }
                if (state.custom() != null) {
                    return customAuth.passwordVerified(pool, client, user, state);
                }
                String deviceKey = responses.getOrDefault("DEVICE_KEY", state.deviceKey());
                return proven.next(pool, client, user, AuthFlow.USER_SRP_AUTH.name(), deviceKey, false);
            });
        });
    }

    /**
     * The answer to a decoy challenge (a name no user has): the lookup and the SRP work a real answer takes, then the
     * same refusal, so the timing does not tell the two apart.
     */
    private Uni<SignInOutcome> decoyAnswer(UserPool pool, ChallengeState state, String secretBlock, String timestamp) {
        return users.findBySub(pool.id(), UUID.randomUUID()).map(nobody -> {
            expectedSignature(pool, state, passwords.decoyVerifier(pool.id(), state.username()), state.username(),
                    secretBlock, timestamp);
            throw Refusal.WRONG_CREDENTIALS.exception();
        });
    }

    private boolean signatureMatches(UserPool pool, UserEntity user, ChallengeState state, String secretBlock,
            String timestamp, String signature) {
        byte[] expected = expectedSignature(pool, state, passwords.verifier(user), user.username, secretBlock,
                timestamp);
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    private static byte[] expectedSignature(UserPool pool, ChallengeState state, BigInteger verifier, String userId,
            String secretBlock, String timestamp) {
        BigInteger a = Srp.fromHex(state.srp().a());
        BigInteger b = Srp.fromHex(state.srp().b());
        BigInteger u = Srp.fromHex(state.srp().u());
        byte[] key = Srp.authenticationKey(Srp.serverSecret(a, verifier, u, b), u);
        return Srp.claimSignature(key, pool.srpPoolName(), userId, Base64.getDecoder().decode(secretBlock), timestamp);
    }

    /** SRP-6a: the server must abort if A mod N is 0. */
    static BigInteger clientPublic(String hex) {
        BigInteger a;
        try {
            a = Srp.fromHex(hex);
        } catch (IllegalArgumentException e) {
            throw INVALID_PARAMETER.withMessage("SRP_A must be a hexadecimal number.");
        }
        if (a.mod(Srp.N).signum() == 0) {
            throw INVALID_PARAMETER.withMessage("Illegal parameter SRP_A.");
        }
        return a;
    }
}
