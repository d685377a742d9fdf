package io.cognate.userpool.auth;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cognate.crypto.Aead;
import io.cognate.crypto.Kek;
import io.cognate.crypto.KeyRing;
import io.cognate.crypto.Purpose;
import io.cognate.database.rows.InlineTransactions;
import io.cognate.userpool.credentials.DeviceVerifiers;
import io.cognate.userpool.credentials.PasswordVerifiers;
import io.cognate.userpool.credentials.Srp;
import io.cognate.userpool.crypto.KeyedHash;
import io.cognate.userpool.model.ClientSettings;
import io.cognate.userpool.model.LambdaConfig;
import io.cognate.userpool.model.PasswordPolicy;
import io.cognate.userpool.model.PoolSettings;
import io.cognate.userpool.model.SchemaAttribute;
import io.cognate.userpool.repository.AppClientEntity;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserPoolEntity;
import io.cognate.userpool.service.Aliases;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.AttributeChanges;
import io.cognate.userpool.service.AttributeVerification;
import io.cognate.userpool.service.CodeDelivery;
import io.cognate.userpool.service.ConfirmationCodes;
import io.cognate.userpool.service.PasswordChanges;
import io.cognate.userpool.service.UserAttributes;
import io.cognate.userpool.service.UserLookup;
import io.cognate.userpool.service.UserPool;
import io.cognate.userpool.service.UserStatus;
import io.cognate.userpool.triggers.Triggers;

/**
 * The sign-in flows wired together over in-memory repositories and fakes of mail, SMS and token-service: one pool
 * and one client, which a test shapes, and users made as an admin would make them.
 */
final class TestSignIn {
    static final String POOL_ID = "us-east-1_TestPool";
    static final String PASSWORD = "Correct-Horse-42";

    final InMemory.Users users = new InMemory.Users();
    final InMemory.Devices devices = new InMemory.Devices();
    final InMemory.Consumed consumed = new InMemory.Consumed();
    final InMemory.Codes codes = new InMemory.Codes();
    final InMemory.Events events = new InMemory.Events();
    final InMemory.Failures failedSignIns = new InMemory.Failures();
    final InMemory.TokenService tokenService = new InMemory.TokenService();
    final InMemory.Outgoing outgoing = new InMemory.Outgoing();
    final InlineTransactions transactions = new InlineTransactions();
    final Aead aead = new Aead(new KeyRing(Kek.of(new byte[32]), List.of()));
    final KeyedHash hashes = new KeyedHash(aead.ring());
    final PasswordVerifiers passwords = new PasswordVerifiers(aead, hashes);
    final DeviceVerifiers deviceVerifiers = new DeviceVerifiers(aead);
    final ChallengeSessions sessions = new ChallengeSessions(aead, consumed);
    final ConfirmationCodes confirmationCodes = new ConfirmationCodes(codes, hashes);
    /** No pool of these tests has a trigger, so the gateway is never asked. */
    final Triggers triggers = new Triggers(null, null, null, new TestConfig());
    final CodeDelivery delivery = new CodeDelivery(outgoing, outgoing, new TestConfig(), triggers);
    final SignInFailures failures = new SignInFailures(failedSignIns, events);
    final TokenIssuer tokens = new TokenIssuer(tokenService, new InMemory.NoGroups(), events, devices, new TestConfig(),
            transactions, triggers);
    final SoftwareTokens softwareTokens = new SoftwareTokens(null, sessions, users, aead, transactions);
    final MfaFlow mfa = new MfaFlow(tokens, sessions, softwareTokens, users, confirmationCodes, delivery, failures,
            devices, transactions);
    final PasswordProven proven = new PasswordProven(sessions, mfa);
    final UserLookup lookup = new UserLookup(users);
    final PasswordFlow passwordFlow = new PasswordFlow(lookup, passwords, failures, proven, triggers, null);
    final SrpFlow srpFlow = new SrpFlow(new SignInStart(lookup, triggers), users, passwords, sessions, failures, proven, null);
    final DeviceFlow deviceFlow = new DeviceFlow(sessions, devices, deviceVerifiers, mfa, tokens, failures,
            transactions);
    final RefreshFlow refreshFlow = new RefreshFlow(tokenService, users, tokens, events, transactions);
    final NewPasswordFlow newPasswordFlow;

    PoolSettings.Mfa poolMfa = PoolSettings.Mfa.OFF;
    PoolSettings.Devices poolDevices;
    String preventUserExistenceErrors = "ENABLED";

    TestSignIn() {
        Aliases aliases = new Aliases(users);
        AttributeVerification verification = new AttributeVerification(confirmationCodes, delivery, users, aliases,
                events);
        newPasswordFlow = new NewPasswordFlow(users, new PasswordChanges(passwords, new InMemory.NoHistory()), sessions,
                new AttributeChanges(users, events, verification, aliases), mfa, transactions);
    }

    /** The pool as the test has shaped it: username sign-in, email required, MFA and devices as set. */
    UserPool pool() {
        PoolSettings.Policies policies = new PoolSettings.Policies(PasswordPolicy.DEFAULT, "INACTIVE", List.of("email"),
                new PoolSettings.Messages(new PoolSettings.VerificationTemplate(null, null, null, null, null,
                        "CONFIRM_WITH_CODE"), null, null, null, null),
                new PoolSettings.AdminCreateUser(false, 7, null), null, null, null, null, null, null, null,
                poolDevices, LambdaConfig.NONE);
        List<SchemaAttribute> schema = SchemaAttribute.STANDARD.stream()
                .map(a -> "email".equals(a.name()) ? a.withRequired(true) : a).toList();
        UserPoolEntity entity = new UserPoolEntity();
        entity.id = POOL_ID;
        entity.name = "test";
        entity.settings(new PoolSettings(new PoolSettings.SignIn(null, null, false, schema), policies, poolMfa, null));
        return new UserPool(entity);
    }

    AppClient client() {
        AppClientEntity entity = new AppClientEntity();
        entity.clientId = "client1";
        entity.poolId = POOL_ID;
        entity.clientName = "test";
        entity.settings(new ClientSettings(30, 60, 60, new ClientSettings.TokenUnits("minutes", "minutes", "days"),
                List.of("ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"), null, null,
                preventUserExistenceErrors, true, 3, null, null));
        return new AppClient(entity, null);
    }

    /** A confirmed user with a verified email and {@link #PASSWORD}. */
    UserEntity user(String username) {
        UserEntity user = new UserEntity();
        user.sub = UUID.randomUUID();
        user.poolId = POOL_ID;
        user.username = username;
        user.usernameKey = username.toLowerCase();
        user.enabled = true;
        user.status = UserStatus.CONFIRMED;
        user.createdAt = Instant.now();
        user.updatedAt = user.createdAt;
        UserAttributes.store(user, pool(), new java.util.LinkedHashMap<>(Map.of("email", username + "@example.test",
                "email_verified", "true")));
        passwords.set(user, PASSWORD);
        users.persist(user).await().indefinitely();
        return user;
    }

    /** Gives the user a verified TOTP secret, enabled and preferred; answers the secret. */
    byte[] withTotp(UserEntity user) {
        byte[] secret = new byte[20];
        Arrays.fill(secret, (byte) 7);
        user.totpSecret = aead.seal(Purpose.TOTP_SECRET, user.poolId + "/" + user.sub, secret);
        user.mfaEnabled = "SOFTWARE_TOKEN_MFA";
        user.mfaPreferred = "SOFTWARE_TOKEN_MFA";
        return secret;
    }

    SignInOutcome passwordSignIn(String username, String password) {
        return passwordFlow.signIn(pool(), client(), Map.of("USERNAME", username, "PASSWORD", password),
                AuthFlow.USER_PASSWORD_AUTH, Map.of()).await().indefinitely();
    }

    SignInOutcome respond(Step step, String session, Map<String, String> responses) {
        return mfa.respond(pool(), client(), step, session, responses).await().indefinitely();
    }

    /** The client side of SRP, as amazon-cognito-identity-js computes it (a, A, and the claim over B and the salt). */
    static final class SrpClient {
        private final BigInteger a = new BigInteger(1, KeyRing.randomBytes(32));
        final BigInteger largeA = Srp.gPow(a);

        String srpA() {
            return largeA.toString(16);
        }

        /** PASSWORD_CLAIM_SIGNATURE for the challenge, over poolName (or a device group key) and userId. */
        String signature(String poolName, String userId, String password, String saltHex, String bHex,
                String secretBlock, String timestamp) {
            BigInteger salt = new BigInteger(saltHex, 16);
            BigInteger b = new BigInteger(bHex, 16);
            BigInteger x = Srp.x(poolName, userId, password, salt);
            BigInteger u = Srp.u(largeA, b);
            BigInteger base = b.subtract(Srp.K.multiply(Srp.gPow(x))).mod(Srp.N);
            BigInteger s = base.modPow(a.add(u.multiply(x)), Srp.N);
            byte[] key = Srp.authenticationKey(s, u);
            return java.util.Base64.getEncoder().encodeToString(Srp.claimSignature(key, poolName, userId,
                    java.util.Base64.getDecoder().decode(secretBlock), timestamp));
        }
    }

    static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
