package io.cognate.userpool.auth;

import static io.cognate.userpool.api.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.api.CognitoError.NOT_AUTHORIZED;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Json;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.UserLookup;
import io.cognate.userpool.service.UserPool;
import io.smallrye.mutiny.Uni;

/**
 * USER_SRP_AUTH: the password never leaves the client. Step one answers PASSWORD_VERIFIER with B, the salt and a
 * SECRET_BLOCK that holds the sealed challenge (b and A); step two checks PASSWORD_CLAIM_SIGNATURE, which only a
 * client that knows the password can compute.
 */
@ApplicationScoped
public class SrpFlow {
    private final UserLookup lookup;
    private final UserRepository users;
    private final PasswordVerifiers passwords;
    private final ChallengeSessions sessions;
    private final SignInCompletion completion;

    public SrpFlow(UserLookup lookup, UserRepository users, PasswordVerifiers passwords, ChallengeSessions sessions,
            SignInCompletion completion) {
        this.lookup = lookup;
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.completion = completion;
    }

    /** Step one (InitiateAuth); call inside a session. */
    public Uni<ObjectNode> start(UserPool pool, AppClient client, Map<String, String> parameters) {
        String username = AuthParameters.required(parameters, "USERNAME");
        BigInteger a = clientPublic(AuthParameters.required(parameters, "SRP_A"));
        AppClientService.checkSecretHash(client, username, parameters.get("SECRET_HASH"));
        return lookup.find(pool, username).map(user -> {
            if (user == null && !client.preventUserExistenceErrors()) {
                throw completion.unknownUser(client);
            }
            if (user != null) {
                completion.checkEnabled(user);
                completion.checkNotLockedOut(user);
            }
            // A name no user has gets a decoy challenge that looks real and can never be answered.
            boolean decoy = user == null || !passwords.hasPassword(user);
            BigInteger verifier = decoy ? passwords.decoyVerifier(pool, username) : passwords.verifier(user);
            BigInteger salt = decoy ? passwords.decoySalt(pool, username) : passwords.salt(user);
            BigInteger b = Srp.newPrivateEphemeral();
            BigInteger bPublic = Srp.publicEphemeral(b, verifier);
            String userId = user == null ? username : user.username;
            Challenge challenge = new Challenge(UUID.randomUUID().toString(), "PASSWORD_VERIFIER", pool.id(), client.id(),
                    decoy ? null : user.sub.toString(), userId, Srp.hex(b), Srp.hex(a), Srp.hex(Srp.u(a, bPublic)), 0,
                    sessions.expiry(), parameters.get("DEVICE_KEY"));
            // Clients echo SECRET_BLOCK (most) or Session (some): both carry the same sealed challenge.
            String sealed = sessions.seal(challenge);
            ObjectNode response = Json.object().put("ChallengeName", "PASSWORD_VERIFIER").put("Session", sealed);
            response.putObject("ChallengeParameters").put("SALT", Srp.hex(salt)).put("SRP_B", Srp.hex(bPublic))
                    .put("SECRET_BLOCK", sealed).put("USER_ID_FOR_SRP", userId).put("USERNAME", userId);
            return response;
        });
    }

    /** Step two (RespondToAuthChallenge PASSWORD_VERIFIER); call inside a session. */
    public Uni<ObjectNode> verify(UserPool pool, AppClient client, Map<String, String> responses) {
        String secretBlock = AuthParameters.required(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
        String signature = AuthParameters.required(responses, "PASSWORD_CLAIM_SIGNATURE");
        String timestamp = AuthParameters.required(responses, "TIMESTAMP");
        String username = AuthParameters.required(responses, "USERNAME");
        AppClientService.checkSecretHash(client, username, responses.get("SECRET_HASH"));
        return sessions.consume(secretBlock, "PASSWORD_VERIFIER", client.id()).chain(challenge -> {
            if (!challenge.poolId().equals(pool.id())) {
                throw NOT_AUTHORIZED.withMessage(SignInCompletion.WRONG_CREDENTIALS);
            }
            if (challenge.decoy()) {
                return decoyAnswer(pool, challenge, secretBlock, timestamp);
            }
            return users.findBySub(pool.id(), UUID.fromString(challenge.sub())).chain(user -> {
                if (user == null) {
                    throw NOT_AUTHORIZED.withMessage(SignInCompletion.WRONG_CREDENTIALS);
                }
                completion.checkEnabled(user);
                completion.checkNotLockedOut(user);
                if (!signatureMatches(pool, user, challenge, secretBlock, timestamp, signature)) {
                    return completion.wrongPassword(user, client, "USER_SRP_AUTH");
                }
                String deviceKey = responses.getOrDefault("DEVICE_KEY", challenge.deviceKey());
                return completion.passwordProven(pool, client, user, "USER_SRP_AUTH", deviceKey);
            });
        });
    }

    /**
     * The answer to a decoy challenge (a name no user has): the lookup and the SRP work a real answer takes, then the
     * same refusal, so the timing does not tell the two apart.
     */
    private Uni<ObjectNode> decoyAnswer(UserPool pool, Challenge challenge, String secretBlock, String timestamp) {
        return users.findBySub(pool.id(), UUID.randomUUID()).map(nobody -> {
            expectedSignature(pool, challenge, passwords.decoyVerifier(pool, challenge.username()),
                    challenge.username(), secretBlock, timestamp);
            throw NOT_AUTHORIZED.withMessage(SignInCompletion.WRONG_CREDENTIALS);
        });
    }

    private boolean signatureMatches(UserPool pool, UserEntity user, Challenge challenge, String secretBlock,
            String timestamp, String signature) {
        byte[] expected = expectedSignature(pool, challenge, passwords.verifier(user), user.username, secretBlock,
                timestamp);
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    private static byte[] expectedSignature(UserPool pool, Challenge challenge, BigInteger verifier, String userId,
            String secretBlock, String timestamp) {
        BigInteger a = Srp.fromHex(challenge.srpA());
        BigInteger b = Srp.fromHex(challenge.srpB());
        BigInteger u = Srp.fromHex(challenge.srpU());
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
