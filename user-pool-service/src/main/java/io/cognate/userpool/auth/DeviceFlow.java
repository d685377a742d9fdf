package io.cognate.userpool.auth;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.userpool.credentials.DeviceVerifiers;
import io.cognate.userpool.credentials.Srp;
import io.cognate.userpool.error.Refusal;
import io.cognate.userpool.repository.DeviceEntity;
import io.cognate.userpool.repository.DeviceRepository;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.UserPool;
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
    private final SignInFailures failures;

    private final Transactions transactions;

    public DeviceFlow(ChallengeSessions sessions, DeviceRepository devices, DeviceVerifiers verifiers, MfaFlow mfa,
            TokenIssuer tokens, SignInFailures failures, Transactions transactions) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.devices = devices;
        this.verifiers = verifiers;
        this.mfa = mfa;
        this.tokens = tokens;
        this.failures = failures;
    }

    /** DEVICE_SRP_AUTH: the device's SRP_A; answers DEVICE_PASSWORD_VERIFIER with B and the device's salt. */
    Uni<SignInOutcome> start(UserPool pool, AppClient client, String session, Map<String, String> responses) {
        BigInteger a = SrpFlow.clientPublic(AuthParameters.required(responses, "SRP_A"));
        return sessions.consumeDeviceStep(session, client.id()).chain(state -> device(pool, state, responses)
                .map(device -> {
                    BigInteger verifier = verifiers.verifier(device);
                    BigInteger b = Srp.newPrivateEphemeral();
                    BigInteger bPublic = Srp.publicEphemeral(b, verifier);
                    ChallengeState next = state.withSrp(Step.DEVICE_PASSWORD_VERIFIER, new ChallengeState.SrpExchange(
                            Srp.hex(b), Srp.hex(a), Srp.hex(Srp.u(a, bPublic))));
                    String sealed = sessions.seal(next);
                    return new SignInOutcome.Challenge(Step.DEVICE_PASSWORD_VERIFIER.name(),
                            SignInOutcome.Challenge.parameters("SRP_B", Srp.hex(bPublic), "SALT",
                                    Srp.hex(new BigInteger(1, device.salt)), "SECRET_BLOCK", sealed, "USERNAME",
                                    state.username(), "DEVICE_KEY", device.deviceKey),
                            sealed);
                }));
    }

    /** DEVICE_PASSWORD_VERIFIER: the device's claim; then tokens. */
    Uni<SignInOutcome> verify(UserPool pool, AppClient client, Map<String, String> responses) {
        String secretBlock = AuthParameters.required(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
        String signature = AuthParameters.required(responses, "PASSWORD_CLAIM_SIGNATURE");
        String timestamp = AuthParameters.required(responses, "TIMESTAMP");
        return sessions.consume(secretBlock, Step.DEVICE_PASSWORD_VERIFIER, client.id()).chain(state -> mfa
                .user(pool, state).chain(user -> device(pool, state, responses).chain(device -> {
                    BigInteger a = Srp.fromHex(state.srp().a());
                    BigInteger u = Srp.fromHex(state.srp().u());
                    byte[] key = Srp.authenticationKey(Srp.serverSecret(a, verifiers.verifier(device), u,
                            Srp.fromHex(state.srp().b())), u);
                    byte[] expected = Srp.claimSignature(key, device.deviceGroupKey, device.deviceKey,
                            Base64.getDecoder().decode(secretBlock), timestamp);
                    if (!MessageDigest.isEqual(expected, decode(signature))) {
                        return failures.wrongPassword(user, client, Step.DEVICE_PASSWORD_VERIFIER.name());
                    }
                    device.lastAuthenticatedAt = Instant.now();
                    return transactions.transaction(() -> devices.persist(device)).chain(() -> tokens.signIn(pool,
                            client, user, state, Step.DEVICE_PASSWORD_VERIFIER.name()));
                })));
    }

    private Uni<DeviceEntity> device(UserPool pool, ChallengeState state, Map<String, String> responses) {
        String deviceKey = AuthParameters.required(responses, "DEVICE_KEY");
        if (!deviceKey.equals(state.deviceKey())) {
            throw INVALID_PARAMETER.withMessage("DEVICE_KEY is not the device this sign-in started with.");
        }
        return devices.findOfUser(pool.id(), UUID.fromString(state.sub()), deviceKey).map(device -> {
            if (device == null || !device.confirmed) {
                throw Refusal.UNKNOWN_DEVICE.exception();
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
