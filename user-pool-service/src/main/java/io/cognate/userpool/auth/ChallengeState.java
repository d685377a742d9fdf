package io.cognate.userpool.auth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cognate.userpool.triggers.ChallengeRound;

/**
 * The state of a sign-in between its steps. It travels to the client sealed (the Session, or the SRP SECRET_BLOCK
 * that Cognito's clients echo back) so any replica can answer the next step; nothing is kept in memory.
 *
 * @param id unique id, recorded when the step is answered so it can be answered once
 * @param sub the user's sub, or null for the decoy challenge answered to a name no user has
 * @param srp the SRP exchange of a PASSWORD_VERIFIER or DEVICE_PASSWORD_VERIFIER step, else null
 * @param authTime when the password was proven (every step after PASSWORD_VERIFIER), epoch seconds
 * @param validitySeconds how long each step of this sign-in may take (the client's AuthSessionValidity)
 * @param deviceKey the device the sign-in names (DEVICE_KEY), or null
 * @param hosted a sign-in of the hosted pages: it ends in an authenticated user, not in tokens
 * @param custom a custom authentication's rounds so far and its open challenge (CUSTOM_AUTH), else null
 */
public record ChallengeState(String id, Step step, String poolId, String clientId, String sub, String username,
        SrpExchange srp, long authTime, long expiresAt, long validitySeconds, String deviceKey, boolean hosted,
        Custom custom) {

    /** SRP between its two messages: the server's secret b, the client's A and the scrambler u, in hex. */
    public record SrpExchange(String b, String a, String u) {
    }

    /**
     * CUSTOM_AUTH between its rounds: the challenges answered so far (the triggers' {@code session}), and the private
     * parameters and metadata of the challenge being answered (CreateAuthChallenge's, for VerifyAuthChallengeResponse
     * and the next round).
     */
    public record Custom(List<ChallengeRound> rounds, Map<String, String> privateParameters, String metadata) {
        /** The rounds so far and {@code round}, the challenge just answered. */
        public List<ChallengeRound> with(ChallengeRound round) {
            List<ChallengeRound> more = new ArrayList<>(rounds);
            more.add(round);
            return List.copyOf(more);
        }
    }

    /** 3 added {@code custom}; 2 added {@code hosted}; 1 and 2 are still read, without them. */
    private static final byte FORMAT = 3;

    /** The first step of a sign-in. */
    public static ChallengeState start(Step step, String poolId, String clientId, String sub, String username,
            SrpExchange srp, long authTime, long validitySeconds, String deviceKey, boolean hosted) {
        return new ChallengeState(UUID.randomUUID().toString(), step, poolId, clientId, sub, username, srp, authTime,
                now() + validitySeconds, validitySeconds, deviceKey, hosted, null);
    }

    /** A step of a custom authentication ({@code sub} null: a name no user has, answered as if it had). */
    public static ChallengeState custom(Step step, String poolId, String clientId, String sub, String username,
            SrpExchange srp, long validitySeconds, Custom custom) {
        return new ChallengeState(UUID.randomUUID().toString(), step, poolId, clientId, sub, username, srp, 0,
                now() + validitySeconds, validitySeconds, null, false, custom);
    }

    /** The next step of the same sign-in, under a new id (each step's Session is answered once). */
    public ChallengeState next(Step nextStep) {
        return new ChallengeState(UUID.randomUUID().toString(), nextStep, poolId, clientId, sub, username, null,
                authTime, now() + validitySeconds, validitySeconds, deviceKey, hosted, null);
    }

    /**
     * DEVICE_SRP_AUTH after this step, under an id derived from this one: however the client presents it (this
     * step's Session or the new one), the device step is answered once.
     */
    public ChallengeState deviceStep() {
        return new ChallengeState(id + "/DEVICE_SRP_AUTH", Step.DEVICE_SRP_AUTH, poolId, clientId, sub, username, null,
                authTime, now() + validitySeconds, validitySeconds, deviceKey, hosted, null);
    }

    /** The device's SRP step (DEVICE_PASSWORD_VERIFIER): the server's b, the client's A and u, for the device. */
    public ChallengeState withSrp(Step nextStep, SrpExchange exchange) {
        return new ChallengeState(UUID.randomUUID().toString(), nextStep, poolId, clientId, sub, username, exchange,
                authTime, now() + validitySeconds, validitySeconds, deviceKey, hosted, null);
    }

    public boolean expired() {
        return now() > expiresAt;
    }

    public boolean decoy() {
        return sub == null;
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    /** The state as bytes to seal: a format byte, then each member (absent ones flagged). */
    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(id);
            out.writeUTF(step.name());
            out.writeUTF(poolId);
            out.writeUTF(clientId);
            writeOptional(out, sub);
            out.writeUTF(username);
            out.writeBoolean(srp != null);
            if (srp != null) {
                out.writeUTF(srp.b());
                out.writeUTF(srp.a());
                out.writeUTF(srp.u());
            }
            out.writeLong(authTime);
            out.writeLong(expiresAt);
            out.writeLong(validitySeconds);
            writeOptional(out, deviceKey);
            out.writeBoolean(hosted);
            out.writeBoolean(custom != null);
            if (custom != null) {
                out.writeShort(custom.rounds().size());
                for (ChallengeRound round : custom.rounds()) {
                    out.writeUTF(round.challengeName());
                    out.writeBoolean(round.result());
                    writeOptional(out, round.metadata());
                }
                out.writeShort(custom.privateParameters().size());
                for (Map.Entry<String, String> parameter : custom.privateParameters().entrySet()) {
                    out.writeUTF(parameter.getKey());
                    out.writeUTF(parameter.getValue());
                }
                writeOptional(out, custom.metadata());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** What {@link #encode} made; an IOException or IllegalArgumentException for anything else. */
    static ChallengeState decode(byte[] encoded) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded));
        byte format = in.readByte();
        if (format < 1 || format > FORMAT) {
            throw new IOException("unknown session format");
        }
        String id = in.readUTF();
        Step step = Step.valueOf(in.readUTF());
        String poolId = in.readUTF();
        String clientId = in.readUTF();
        String sub = readOptional(in);
        String username = in.readUTF();
        SrpExchange srp = in.readBoolean() ? new SrpExchange(in.readUTF(), in.readUTF(), in.readUTF()) : null;
        long authTime = in.readLong();
        long expiresAt = in.readLong();
        long validitySeconds = in.readLong();
        String deviceKey = readOptional(in);
        boolean hosted = format >= 2 && in.readBoolean();
        Custom custom = format >= 3 && in.readBoolean() ? readCustom(in) : null;
        return new ChallengeState(id, step, poolId, clientId, sub, username, srp, authTime, expiresAt, validitySeconds,
                deviceKey, hosted, custom);
    }

    private static Custom readCustom(DataInputStream in) throws IOException {
        List<ChallengeRound> rounds = new ArrayList<>();
        for (int i = in.readShort(); i > 0; i--) {
            rounds.add(new ChallengeRound(in.readUTF(), in.readBoolean(), readOptional(in)));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = in.readShort(); i > 0; i--) {
            parameters.put(in.readUTF(), in.readUTF());
        }
        return new Custom(List.copyOf(rounds), parameters, readOptional(in));
    }

    private static void writeOptional(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
