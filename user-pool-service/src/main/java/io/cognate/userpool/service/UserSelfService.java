package io.cognate.userpool.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.token.v1.RevokeRequest;
import io.cognate.database.rows.Transactions;
import io.cognate.userpool.credentials.PasswordVerifiers;
import io.cognate.userpool.error.CognitoException;
import io.cognate.userpool.error.Refusal;
import io.cognate.userpool.grpc.TokenServiceClient;
import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.model.CodeDeliveryDetails;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.smallrye.mutiny.Uni;

/** What users do to their own account, authorized by their access token. */
@ApplicationScoped
public class UserSelfService {
    /** A user as GetUser shows it: the attributes its token's client may read (all when empty). */
    public record Self(UserEntity user, List<String> readableAttributes) {
    }

    private final AccessTokens accessTokens;
    private final UserPoolService pools;
    private final AppClientService clients;
    private final UserRepository users;
    private final PasswordVerifiers passwords;
    private final PasswordChanges passwordChanges;
    private final AttributeChanges attributeChanges;
    private final TokenServiceClient tokens;
    private final Outbox outbox;
    private final AttributeVerification verification;
    private final Transactions transactions;

    public UserSelfService(AccessTokens accessTokens, UserPoolService pools, AppClientService clients,
            UserRepository users, PasswordVerifiers passwords, PasswordChanges passwordChanges,
            AttributeChanges attributeChanges, TokenServiceClient tokens, Outbox outbox,
            AttributeVerification verification, Transactions transactions) {
        this.accessTokens = accessTokens;
        this.pools = pools;
        this.clients = clients;
        this.users = users;
        this.passwords = passwords;
        this.passwordChanges = passwordChanges;
        this.attributeChanges = attributeChanges;
        this.tokens = tokens;
        this.outbox = outbox;
        this.verification = verification;
        this.transactions = transactions;
    }

    public Uni<Self> getUser(String accessToken) {
        return transactions.session(() -> accessTokens.authenticate(accessToken).chain(caller -> client(caller)
                .map(client -> new Self(caller.user(), client == null ? List.of() : client.readAttributes()))));
    }

    /**
     * The OAuth userInfo endpoint: the attributes the client can read that the token's scopes grant (its token must
     * have openid).
     */
    public Uni<Map<String, String>> userInfo(String accessToken) {
        return transactions.session(() -> accessTokens.authenticate(accessToken, OAuthScopes.OPENID)
                .chain(caller -> client(caller).map(client -> OAuthScopes.claims(caller.scopes(),
                        UserAttributes.listed(caller.user(), client == null ? List.of() : client.readAttributes())))));
    }

    public Uni<Void> deleteUser(String accessToken) {
        return transactions.transaction(() -> accessTokens.authenticate(accessToken)
                .call(caller -> outbox.record(UserEventType.UserDeleted, caller.user(), Map.of()))
                .call(caller -> users.deleteUser(caller.poolId(), caller.user().sub)))
                .chain(caller -> tokens.revoke(RevokeRequest.newBuilder().setUserPoolId(caller.poolId())
                        .setSub(caller.user().sub.toString()).build()))
                .replaceWithVoid();
    }

    public Uni<List<CodeDeliveryDetails>> updateUserAttributes(String accessToken, Map<String, String> updates,
            Map<String, String> clientMetadata) {
        return transactions.transaction(() -> accessTokens.authenticate(accessToken)
                .chain(caller -> pools.cached(caller.poolId()).chain(pool -> client(caller)
                        .chain(client -> attributeChanges.update(pool, client, caller.user(), updates, false,
                                clientMetadata)))));
    }

    /** GetUserAttributeVerificationCode: a code for the user's email or phone number, sent to it. */
    public Uni<CodeDeliveryDetails> getUserAttributeVerificationCode(String accessToken, String attribute,
            Map<String, String> clientMetadata) {
        return transactions.transaction(() -> accessTokens.authenticate(accessToken)
                .chain(caller -> pools.cached(caller.poolId())
                        .chain(pool -> verification.sendCode(pool, pool.triggerCall(caller.clientId(), clientMetadata),
                                caller.user(), attribute, CodeDelivery.Kind.VERIFY_USER_ATTRIBUTE))));
    }

    /** VerifyUserAttribute: the code proves the address; a held-back new address takes effect. */
    public Uni<Void> verifyUserAttribute(String accessToken, String attribute, String code) {
        return transactions.transaction(() -> accessTokens.authenticate(accessToken)
                .chain(caller -> pools.cached(caller.poolId())
                        .chain(pool -> verification.verify(pool, caller.user(), attribute, code))));
    }

    public Uni<Void> deleteUserAttributes(String accessToken, List<String> names) {
        return transactions.transaction(() -> accessTokens.authenticate(accessToken)
                .chain(caller -> pools.cached(caller.poolId()).chain(pool -> client(caller)
                        .chain(client -> attributeChanges.delete(pool, client, caller.user(), names, false)))));
    }

    /** ChangePassword: a wrong previous password is refused as a wrong sign-in password is. */
    public Uni<Void> changePassword(String accessToken, String previous, String proposed) {
        return transactions.transaction(() -> accessTokens.authenticate(accessToken)
                .chain(caller -> pools.cached(caller.poolId()).chain(pool -> {
                    UserEntity user = caller.user();
                    if (previous == null || !passwords.matches(user, previous)) {
                        throw Refusal.WRONG_CREDENTIALS.exception();
                    }
                    return passwordChanges.set(pool, user, proposed).chain(() -> users.persist(user))
                            .chain(() -> outbox.record(UserEventType.PasswordChanged, user, Map.of()));
                })));
    }

    /** The client the token was issued to, or null when it has since been deleted. */
    private Uni<AppClient> client(AccessTokens.Caller caller) {
        return clients.cached(caller.poolId(), caller.clientId()).onFailure(CognitoException.class)
                .recoverWithNull();
    }
}
