package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cognate.crypto.Aead;
import io.cognate.crypto.AesGcm;
import io.cognate.crypto.Kek;
import io.cognate.crypto.KeyRing;
import io.cognate.crypto.Purpose;
import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;
import io.cognate.it.support.Tokens;

import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * Key-encryption key rotation as an operator runs it ({@code ./cognate rotate-kek}, then {@code retire-keks}):
 * every stored secret ends up sealed under the new key, including values an earlier release sealed in its own
 * format, and users sign in as before once the old key is gone.
 */
class KekRotationTest {

    @Test
    void rotateWhenSecretsStoredThenRewrappedUnderTheNewKeyAndSignInWorksWithoutTheOld() throws Exception {
        TestPool pool = TestPools.pool();
        UserPoolClientType secretClient = TestPools.client(pool.id(), b -> b.generateSecret(true));
        TestUser alice = TestUsers.confirmed(pool);
        TestUser bob = TestUsers.confirmed(pool);
        Kek before = currentKek();
        sealBobsVerifierAsTheFirstReleaseDid(pool, bob, before);
        // The serving path opens the earlier format.
        SignIn.password(pool, bob);
        String refreshToken = SignIn.password(pool, alice).refreshToken();

        Stack.get().deployScript("keys.sh", "rotate");

        Kek after = currentKek();
        assertNotEquals(before.id(), after.id());
        for (byte[] sealed : sealedValues()) {
            assertEquals(1, sealed[0], "envelope version");
            assertEquals(after.id(), ByteBuffer.wrap(sealed, 1, 4).getInt(), "sealed under the new KEK");
        }
        assertNull(legacyNonces(), "no signing key keeps the first release's separate nonce");
        // Refresh tokens sealed under the previous key work while it is in the ring.
        Cognito.anonymous().initiateAuth(b -> b.clientId(pool.clientId()).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken)));

        Stack.get().deployScript("keys.sh", "retire");

        Tokens.verifyAccessToken(pool.id(), SignIn.password(pool, bob).accessToken());
        Tokens.verifyAccessToken(pool.id(), SignIn.srp(pool, alice.username(), alice.password()).accessToken());
        Cognito.anonymous().initiateAuth(b -> b.clientId(secretClient.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", alice.username(),
                        "PASSWORD", alice.password(), "SECRET_HASH", Cognito.secretHash(alice.username(),
                                secretClient.clientId(), secretClient.clientSecret()))));
        // ... and end with it: they live with the clients, nothing can re-wrap them.
        Expect.error(NotAuthorizedException.class, () -> Cognito.anonymous().initiateAuth(b -> b
                .clientId(pool.clientId()).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))));
    }

    private static Kek currentKek() {
        return Kek.of(Base64.getDecoder().decode(Stack.get().stateFile("kek")));
    }

    /** Re-seals bob's password verifier as releases before libs/crypto did: nonce || AES-GCM, text AAD. */
    private static void sealBobsVerifierAsTheFirstReleaseDid(TestPool pool, TestUser bob, Kek kek) throws Exception {
        try (Connection db = Stack.get().database("cognate_userpool")) {
            PreparedStatement select = db.prepareStatement("select sub, password_verifier from pool_user "
                    + "where pool_id = ? and username_key = ?");
            select.setString(1, pool.id());
            select.setString(2, bob.username().toLowerCase());
            ResultSet row = select.executeQuery();
            row.next();
            UUID sub = (UUID) row.getObject(1);
            String context = pool.id() + "/" + sub;
            byte[] verifier = new Aead(new KeyRing(kek, List.of())).open(Purpose.PASSWORD_VERIFIER, context,
                    row.getBytes(2));
            byte[] nonce = AesGcm.nonce();
            byte[] ciphertext = AesGcm.seal(kek.derive("cognate/user-pool/at-rest"), nonce,
                    ("verifier/" + context).getBytes(StandardCharsets.UTF_8), verifier);
            PreparedStatement update = db.prepareStatement("update pool_user set password_verifier = ? where sub = ?");
            update.setBytes(1, ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array());
            update.setObject(2, sub);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static List<byte[]> sealedValues() throws Exception {
        List<byte[]> values = new ArrayList<>();
        try (Connection userPool = Stack.get().database("cognate_userpool");
                Connection token = Stack.get().database("cognate_token")) {
            collect(userPool, "select password_verifier from pool_user where password_verifier is not null", values);
            collect(userPool, "select secret_sealed from app_client where secret_sealed is not null", values);
            collect(userPool, "select verifier from user_device where verifier is not null", values);
            collect(userPool, "select totp_secret from pool_user where totp_secret is not null", values);
            collect(token, "select private_key_sealed from signing_key", values);
        }
        return values;
    }

    private static void collect(Connection db, String sql, List<byte[]> values) throws Exception {
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getBytes(1));
            }
        }
    }

    private static Object legacyNonces() throws Exception {
        try (Connection token = Stack.get().database("cognate_token");
                ResultSet rows = token.createStatement().executeQuery("select count(*) from signing_key "
                        + "where private_key_nonce is not null")) {
            rows.next();
            return rows.getLong(1) == 0 ? null : rows.getLong(1);
        }
    }
}
