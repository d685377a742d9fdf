package io.cognate.userpool.auth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

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
 */
public record ChallengeState(String id, Step step, String poolId, String clientId, String sub, String username,
        SrpExchange srp, long authTime, long expiresAt, long validitySeconds, String deviceKey, boolean hosted) {

    /** SRP between its two messages: the server's secret b, the client's A and the scrambler u, in hex. */
    public record SrpExchange(String b, String a, String u) {
    }

    /** 2 added {@code hosted}; 1 (before it) is still read, as not hosted. */
    private static final byte FORMAT = 2;

    /** The first step of a sign-in. */
    public static ChallengeState start(Step step, String poolId, String clientId, String sub, String username,
            SrpExchange srp, long authTime, long validitySeconds, String deviceKey, boolean hosted) {
        return new ChallengeState(UUID.randomUUID().toString(), step, poolId, clientId, sub, username, srp, authTime,
                now() + validitySeconds, validitySeconds, deviceKey, hosted);
    }

    /** The next step of the same sign-in, under a new id (each step's Session is answered once). */
    public ChallengeState next(Step nextStep) {
        return new ChallengeState(UUID.randomUUID().toString(), nextStep, poolId, clientId, sub, username, null,
                authTime, now() + validitySeconds, validitySeconds, deviceKey, hosted);
    }

    /**
     * DEVICE_SRP_AUTH after this step, under an id derived from this one: however the client presents it (this
     * step's Session or the new one), the device step is answered once.
     */
    public ChallengeState deviceStep() {
        return new ChallengeState(id + "/DEVICE_SRP_AUTH", Step.DEVICE_SRP_AUTH, poolId, clientId, sub, username, null,
                authTime, now() + validitySeconds, validitySeconds, deviceKey, hosted);
    }

    /** The device's SRP step (DEVICE_PASSWORD_VERIFIER): the server's b, the client's A and u, for the device. */
    public ChallengeState withSrp(Step nextStep, SrpExchange exchange) {
        return new ChallengeState(UUID.randomUUID().toString(), nextStep, poolId, clientId, sub, username, exchange,
                authTime, now() + validitySeconds, validitySeconds, deviceKey, hosted);
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** What {@link #encode} made; an IOException or IllegalArgumentException for anything else. */
    static ChallengeState decode(byte[] encoded) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded));
        byte format = in.readByte();
        if (format != FORMAT && format != 1) {
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
        return new ChallengeState(id, step, poolId, clientId, sub, username, srp, authTime, expiresAt, validitySeconds,
                deviceKey, format == FORMAT && in.readBoolean());
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
