package io.cognate.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * RS256 over an ID-token-sized signing input (header and claims of a Cognito ID token, ~1 KB base64url), as
 * token-service's Jws does it: a new {@link Signature} per token. Each sign-in mints two (ID and access), each
 * GetUser verifies one. {@code provider=ACCP} is Amazon Corretto Crypto Provider (AWS-LC).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RsaSignBenchmark {
    @Param({ "SunRsaSign", "ACCP" })
    public String provider;

    Provider jca;
    KeyPair keys;
    byte[] signingInput;
    byte[] signature;

    @Setup
    public void setUp() throws GeneralSecurityException {
        jca = Providers.named(provider);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", jca);
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        signingInput = idTokenSigningInput();
        signature = sign();
    }

    @Benchmark
    public byte[] sign() throws GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withRSA", jca);
        signer.initSign(keys.getPrivate());
        signer.update(signingInput);
        return signer.sign();
    }

    @Benchmark
    public boolean verify() throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withRSA", jca);
        verifier.initVerify(keys.getPublic());
        verifier.update(signingInput);
        return verifier.verify(signature);
    }

    static byte[] idTokenSigningInput() {
        String sub = UUID.randomUUID().toString();
        String header = "{\"kid\":\"" + UUID.randomUUID() + "\",\"alg\":\"RS256\"}";
        String claims = "{\"sub\":\"" + sub + "\",\"email_verified\":true,"
                + "\"iss\":\"http://localhost:8801/us-east-1_AbCdEfGhI\",\"cognito:username\":\"bench-user-0001\","
                + "\"origin_jti\":\"" + UUID.randomUUID() + "\",\"aud\":\"5mq1b2c3d4e5f6g7h8i9j0k1l2\","
                + "\"event_id\":\"" + UUID.randomUUID() + "\",\"token_use\":\"id\",\"auth_time\":1763850000,"
                + "\"name\":\"Bench User\",\"exp\":1763853600,\"iat\":1763850000,\"jti\":\"" + UUID.randomUUID()
                + "\",\"email\":\"bench-user-0001@example.com\",\"cognito:groups\":[\"readers\",\"writers\"]}";
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return (url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
    }
}
