package io.cognate.userpool.auth;

import static io.cognate.userpool.api.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.api.CognitoError.NOT_AUTHORIZED;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Json;
import io.cognate.userpool.repository.DeviceEntity;
import io.cognate.userpool.repository.DeviceRepository;
import io.cognate.userpool.repository.FailedSignIns;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.UserPool;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A remembered device proves itself with its own SRP verifier, as Cognito's clients do it: DEVICE_SRP_AUTH (the
 * device's SRP_A), then DEVICE_PASSWORD_VERIFIER (a claim signed with the key derived for the device: pool name the
 * DeviceGroupKey, user id the DeviceKey). It comes after MFA, or instead of it for a remembered device where the pool
 * allows that ({@link MfaFlow#afterPassword}); a proven device then gets tokens.
 */
@ApplicationScoped
public class DeviceFlow {
    private final ChallengeSessions sessions;
    private final DeviceRepository devices;
    private final DeviceVerifiers verifiers;
    private final MfaFlow mfa;
    private final TokenIssuer tokens;
    private final FailedSignIns failedSignIns;

    public DeviceFlow(ChallengeSessions sessions, DeviceRepository devices, DeviceVerifiers verifiers, MfaFlow mfa,
            TokenIssuer tokens, FailedSignIns failedSignIns) {
        this.sessions = sessions;
        this.devices = devices;
        this.verifiers = verifiers;
        this.mfa = mfa;
        this.tokens = tokens;
        this.failedSignIns = failedSignIns;
    }

    /** DEVICE_SRP_AUTH: the device's SRP_A; answers DEVICE_PASSWORD_VERIFIER with B and the device's salt. */
    Uni<ObjectNode> start(UserPool pool, AppClient client, String session, Map<String, String> responses) {
        BigInteger a = SrpFlow.clientPublic(AuthParameters.required(responses, "SRP_A"));
        return sessions.consumeDeviceStep(session, client.id()).chain(challenge -> device(pool, challenge,
                responses).map(device -> {
                    BigInteger verifier = verifiers.verifier(device);
                    BigInteger b = Srp.newPrivateEphemeral();
                    BigInteger bPublic = Srp.publicEphemeral(b, verifier);
                    Challenge next = challenge.withSrp("DEVICE_PASSWORD_VERIFIER", Srp.hex(b), Srp.hex(a),
                            Srp.hex(Srp.u(a, bPublic)), sessions.expiry());
                    String sealed = sessions.seal(next);
                    ObjectNode response = Json.object().put("ChallengeName", "DEVICE_PASSWORD_VERIFIER")
                            .put("Session", sealed);
                    response.putObject("ChallengeParameters").put("SRP_B", Srp.hex(bPublic))
                            .put("SALT", Srp.hex(new BigInteger(1, device.salt))).put("SECRET_BLOCK", sealed)
                            .put("USERNAME", challenge.username()).put("DEVICE_KEY", device.deviceKey);
                    return response;
                }));
    }

    /** DEVICE_PASSWORD_VERIFIER: the device's claim; then tokens. */
    Uni<ObjectNode> verify(UserPool pool, AppClient client, String session, Map<String, String> responses) {
        String secretBlock = AuthParameters.required(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
        String signature = AuthParameters.required(responses, "PASSWORD_CLAIM_SIGNATURE");
        String timestamp = AuthParameters.required(responses, "TIMESTAMP");
        return sessions.consume(secretBlock, "DEVICE_PASSWORD_VERIFIER", client.id()).chain(challenge -> mfa
                .user(pool, challenge).chain(user -> device(pool, challenge, responses).chain(device -> {
                    BigInteger a = Srp.fromHex(challenge.srpA());
                    BigInteger u = Srp.fromHex(challenge.srpU());
                    byte[] key = Srp.authenticationKey(Srp.serverSecret(a, verifiers.verifier(device), u,
                            Srp.fromHex(challenge.srpB())), u);
                    byte[] expected = Srp.claimSignature(key, device.deviceGroupKey, device.deviceKey,
                            Base64.getDecoder().decode(secretBlock), timestamp);
                    if (!MessageDigest.isEqual(expected, decode(signature))) {
                        failedSignIns.record(user, Map.of("clientId", client.id(), "authFlow",
                                "DEVICE_PASSWORD_VERIFIER", "reason", "NotAuthorizedException"));
                        throw NOT_AUTHORIZED.withMessage(SignInCompletion.WRONG_CREDENTIALS);
                    }
                    device.lastAuthenticatedAt = Instant.now();
                    return Panache.withTransaction(() -> devices.persist(device)).chain(() -> tokens.signIn(pool,
                            client, user, challenge.authTime(), "DEVICE_PASSWORD_VERIFIER"));
                })));
    }

    private Uni<DeviceEntity> device(UserPool pool, Challenge challenge, Map<String, String> responses) {
        String deviceKey = AuthParameters.required(responses, "DEVICE_KEY");
        if (!deviceKey.equals(challenge.deviceKey())) {
            throw INVALID_PARAMETER.withMessage("DEVICE_KEY is not the device this sign-in started with.");
        }
        return devices.findOfUser(pool.id(), UUID.fromString(challenge.sub()), deviceKey).map(device -> {
            if (device == null || !device.confirmed) {
                throw NOT_AUTHORIZED.withMessage("Device does not exist.");
            }
            return device;
        });
    }

    private static byte[] decode(String signature) {
        try {
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
