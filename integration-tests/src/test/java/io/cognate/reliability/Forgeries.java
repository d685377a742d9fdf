package io.cognate.reliability;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The classes of forged JWT an attacker tries, each made from a genuine token with the JDK alone: unsigned, signed with
 * the wrong algorithm or key, pointing the verifier at the attacker's key, edited claims under the genuine
 * signature, malformed and oversized.
 */
final class Forgeries {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final KeyPair ATTACKER = attackerKey();

    /** A named way to forge a token from a genuine one. */
    record Forgery(String name, UnaryOperator<String> forge) {
    }

    private Forgeries() {
    }

    /** Every class, given the pool's published signing key (its JWKS entry). */
    static List<Forgery> all(JsonNode poolJwk) {
        PublicKey poolKey = publicKey(poolJwk);
        String kid = poolJwk.path("kid").asText();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(poolKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        List<Forgery> forgeries = new ArrayList<>();
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            forgeries.add(new Forgery("alg " + none + ", no signature", t -> unsigned(header(t, h -> h.put("alg", none)),
                    t)));
        }
        forgeries.add(new Forgery("alg none, the genuine signature kept", t -> header(t, h -> h.put("alg", "none"))
                + "." + part(t, 1) + "." + part(t, 2)));
        forgeries.add(new Forgery("HS256 keyed with the pool's RSA public key (DER)", t -> hmac(header(t, h -> h.put(
                "alg", "HS256")), part(t, 1), poolKey.getEncoded())));
        forgeries.add(new Forgery("HS256 keyed with the pool's RSA public key (PEM)", t -> hmac(header(t, h -> h.put(
                "alg", "HS256")), part(t, 1), pem.getBytes(StandardCharsets.US_ASCII))));
        forgeries.add(new Forgery("signature stripped", t -> part(t, 0) + "." + part(t, 1) + "."));
        forgeries.add(new Forgery("two parts only", t -> part(t, 0) + "." + part(t, 1)));
        forgeries.add(new Forgery("signature truncated to half", t -> part(t, 0) + "." + part(t, 1) + "."
                + part(t, 2).substring(0, part(t, 2).length() / 2)));
        forgeries.add(new Forgery("signature with one bit flipped", t -> part(t, 0) + "." + part(t, 1) + "."
                + flip(part(t, 2))));
        forgeries.add(new Forgery("sub edited, genuine signature", t -> part(t, 0) + "." + claims(t, c -> c.put("sub",
                "00000000-0000-0000-0000-000000000000")) + "." + part(t, 2)));
        forgeries.add(new Forgery("exp a day in the past, genuine signature", t -> part(t, 0) + "." + claims(t,
                c -> c.put("exp", c.path("iat").asLong() - 86_400)) + "." + part(t, 2)));
        forgeries.add(new Forgery("exp ten years ahead, genuine signature", t -> part(t, 0) + "." + claims(t,
                c -> c.put("exp", c.path("exp").asLong() + 315_360_000L)) + "." + part(t, 2)));
        forgeries.add(new Forgery("nbf and iat in the future, genuine signature", t -> part(t, 0) + "." + claims(t,
                c -> c.put("nbf", c.path("exp").asLong() + 3_600).put("iat", c.path("exp").asLong() + 3_600)) + "."
                + part(t, 2)));
        forgeries.add(new Forgery("iss of another issuer, genuine signature", t -> part(t, 0) + "." + claims(t,
                c -> c.put("iss", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_attacker")) + "."
                + part(t, 2)));
        forgeries.add(new Forgery("audience / client_id edited, genuine signature", t -> part(t, 0) + "." + claims(t,
                c -> {
                    if (c.has("aud")) {
                        c.put("aud", "attackerclient0000000000000");
                    }
                    c.put("client_id", "attackerclient0000000000000");
                }) + "." + part(t, 2)));
        forgeries.add(new Forgery("token_use swapped, genuine signature", t -> part(t, 0) + "." + claims(t,
                c -> c.put("token_use", "access".equals(c.path("token_use").asText()) ? "id" : "access")) + "."
                + part(t, 2)));
        forgeries.add(new Forgery("RS512 named, RS256 signature", t -> header(t, h -> h.put("alg", "RS512")) + "."
                + part(t, 1) + "." + part(t, 2)));
        forgeries.add(new Forgery("signed by the attacker's key under the pool's kid", t -> rsa(header(t,
                h -> h.put("kid", kid)), part(t, 1))));
        forgeries.add(new Forgery("signed by the attacker's key, unknown kid", t -> rsa(header(t,
                h -> h.put("kid", "attacker-key")), part(t, 1))));
        forgeries.add(new Forgery("kid path traversal, HS256 with an empty-file key", t -> hmac(header(t,
                h -> h.put("alg", "HS256").put("kid", "../../../../../../dev/null")), part(t, 1), new byte[1])));
        forgeries.add(new Forgery("jku to the attacker's JWKS", t -> rsa(header(t, h -> h.put("kid", "attacker-key")
                .put("jku", "http://127.0.0.1:1/jwks.json")), part(t, 1))));
        forgeries.add(new Forgery("x5u to the attacker's certificate", t -> rsa(header(t, h -> h.put("kid",
                "attacker-key").put("x5u", "http://127.0.0.1:1/cert.pem")), part(t, 1))));
        forgeries.add(new Forgery("embedded jwk of the attacker's key", t -> rsa(header(t, h -> h.set("jwk",
                attackerJwk())), part(t, 1))));
        forgeries.add(new Forgery("crit header the verifier cannot know", t -> rsa(header(t, h -> h.putArray("crit")
                .add("x-attacker")), part(t, 1))));
        forgeries.add(new Forgery("1 MB token", t -> part(t, 0) + "." + claims(t, c -> c.put("pad", "A".repeat(
                1_048_576))) + "." + part(t, 2)));
        forgeries.add(new Forgery("not base64url", t -> "!!!." + part(t, 1) + "." + part(t, 2)));
        forgeries.add(new Forgery("header not JSON", t -> B64.encodeToString("{\"alg\":".getBytes(
                StandardCharsets.UTF_8)) + "." + part(t, 1) + "." + part(t, 2)));
        return forgeries;
    }

    static String part(String token, int index) {
        String[] parts = token.split("\\.", -1);
        return index < parts.length ? parts[index] : "";
    }

    private static String header(String token, java.util.function.Consumer<ObjectNode> edit) {
        return edited(part(token, 0), edit);
    }

    private static String claims(String token, java.util.function.Consumer<ObjectNode> edit) {
        return edited(part(token, 1), edit);
    }

    private static String edited(String encoded, java.util.function.Consumer<ObjectNode> edit) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(encoded));
            edit.accept(node);
            return B64.encodeToString(JSON.writeValueAsBytes(node));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(String header, String token) {
        return header + "." + part(token, 1) + ".";
    }

    private static String flip(String signature) {
        byte[] bytes = Base64.getUrlDecoder().decode(signature);
        bytes[bytes.length - 1] ^= 1;
        return B64.encodeToString(bytes);
    }

    private static String hmac(String header, String claims, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String input = header + "." + claims;
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rsa(String header, String claims) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign((PrivateKey) ATTACKER.getPrivate());
            String input = header + "." + claims;
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode attackerJwk() {
        RSAPublicKey key = (RSAPublicKey) ATTACKER.getPublic();
        return JSON.createObjectNode().put("kty", "RSA").put("kid", "attacker-key").put("n", B64.encodeToString(
                unsigned(key.getModulus()))).put("e", B64.encodeToString(unsigned(key.getPublicExponent())));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static PublicKey publicKey(JsonNode jwk) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(new BigInteger(1,
                    Base64.getUrlDecoder().decode(jwk.path("n").asText())),
                    new BigInteger(1, Base64.getUrlDecoder()
                            .decode(jwk.path("e").asText()))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair attackerKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
