package io.cognate.bench;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.cognate.userpool.credentials.Srp;

/**
 * The server's SRP work per sign-in, with the service's own {@link Srp}: USER_PASSWORD_AUTH computes one
 * verifier g^x; USER_SRP_AUTH computes B = k·v + g^b (InitiateAuth) and S = (A·v^u)^b (RespondToAuthChallenge).
 * The service computes g^e with its fixed-base table (io.cognate.userpool.credentials.FixedBaseExp); the *ModPow variants
 * are the BigInteger.modPow baseline it replaced.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SrpBenchmark {
    BigInteger x;
    BigInteger v;
    BigInteger b;
    BigInteger a;
    BigInteger u;

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        x = new BigInteger(256, random); // SHA-256 output
        v = Srp.verifier(x);
        b = Srp.newPrivateEphemeral();
        a = Srp.G.modPow(new BigInteger(1024, random), Srp.N); // a client's A = g^a, a of 1024 bits as in the JS SDK
        u = Srp.u(a, Srp.publicEphemeral(b, v));
    }

    @Benchmark
    public BigInteger verifier() {
        return Srp.verifier(x);
    }

    @Benchmark
    public BigInteger verifierModPow() {
        return Srp.G.modPow(x, Srp.N);
    }

    @Benchmark
    public BigInteger publicEphemeral() {
        return Srp.publicEphemeral(b, v);
    }

    @Benchmark
    public BigInteger publicEphemeralModPow() {
        return Srp.K.multiply(v).add(Srp.G.modPow(b, Srp.N)).mod(Srp.N);
    }

    @Benchmark
    public BigInteger serverSecret() {
        return Srp.serverSecret(a, v, u, b);
    }
}
