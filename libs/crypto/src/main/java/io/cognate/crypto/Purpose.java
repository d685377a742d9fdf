package io.cognate.crypto;

import java.nio.charset.StandardCharsets;

/**
 * What a sealed value is. The code is bound into every envelope's associated data, so a value sealed for one purpose
 * never opens as another. DO NOT CHANGE THE CODES: every stored value and every outstanding session carries them.
 * The purposes of the first release also name the format they were sealed in before envelopes existed
 * ({@link Legacy}), which {@link Aead} still opens so that data written by earlier releases keeps working until it is
 * re-wrapped; later purposes have none (null).
 */
public enum Purpose {
    /** A user's SRP verifier; context {@code <poolId>/<sub>}. */
    PASSWORD_VERIFIER(1, Legacy.atRest("verifier/")),
    /** A remembered device's SRP verifier; context {@code <poolId>/<deviceKey>}. */
    DEVICE_VERIFIER(2, Legacy.atRest("device-verifier/")),
    /** An app client's secret; context the client id. */
    CLIENT_SECRET(3, Legacy.atRest("client-secret/")),
    /** A user's TOTP secret (verified or pending); context {@code <poolId>/<sub>}. */
    TOTP_SECRET(4, Legacy.atRest("totp/")),
    /** The state of a sign-in between its steps, handed to the client; no context. */
    CHALLENGE_SESSION(5, new Legacy("cognate/user-pool/sessions", "session", true)),
    /** A pool's RSA signing key (PKCS#8); context {@code <poolId> NUL <kid>}. */
    SIGNING_KEY(6, new Legacy(null, "", false)),
    /** The hosted pages' session cookie ({@code cognito}); context the pool id. No earlier format. */
    SESSION_COOKIE(7, null),
    /** The tokens an authorization code stands for, until it is redeemed; context the client id. No earlier format. */
    AUTHORIZATION_CODE(8, null),
    /**
     * The data key of a custom sender's encrypted code, as the KMS-compatible Decrypt gives it back; context the KMS
     * key ARN and the message's encryption context ({@link KmsDataKeys}). No earlier format.
     */
    KMS_DATA_KEY(9, null),
    /**
     * The state of temporary AWS credentials, carried by their session token so that any replica verifies them without
     * a lookup; context the access key id. No earlier format.
     */
    SESSION_CREDENTIALS(10, null),
    /**
     * A pool's external identity provider's ProviderDetails (client secrets, Apple's private key among them); context
     * {@code <poolId> NUL <providerName>}. No earlier format.
     */
    IDENTITY_PROVIDER_DETAILS(11, null),
    /**
     * A sign-in at an external identity provider in progress: the authorization request it came from and the nonce
     * and PKCE verifier sent, carried by the {@code state} of the redirect to the provider; context the pool id. No
     * earlier format.
     */
    FEDERATION_STATE(12, null),
    /**
     * A pool's private key as a SAML service provider (PKCS#8), for signing its requests or opening encrypted
     * assertions; context {@code <poolId> NUL <use>}. No earlier format.
     */
    SAML_KEY(13, null);

    private final byte code;
    private final Legacy legacy;

    Purpose(int code, Legacy legacy) {
        this.code = (byte) code;
        this.legacy = legacy;
    }

    byte code() {
        return code;
    }

    Legacy legacy() {
        return legacy;
    }

    /**
     * The pre-envelope format: nonce (12) || AES-GCM ciphertext and tag, under HKDF(kek, {@code keyInfo}) (or the raw
     * KEK where {@code keyInfo} is null), with the associated data {@code aadPrefix + context} ({@code aadPrefix}
     * alone where {@code fixedAad}).
     */
    record Legacy(String keyInfo, String aadPrefix, boolean fixedAad) {
        static Legacy atRest(String aadPrefix) {
            return new Legacy("cognate/user-pool/at-rest", aadPrefix, false);
        }

        byte[] aad(String context) {
            return (fixedAad ? aadPrefix : aadPrefix + context).getBytes(StandardCharsets.UTF_8);
        }
    }
}
