package io.cognate.userpool.service;

import static io.cognate.userpool.api.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.api.CognitoError.NOT_AUTHORIZED;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.contracts.token.v1.RevokeRequest;
import io.cognate.userpool.api.CognitoException;
import io.cognate.userpool.api.Json;
import io.cognate.userpool.api.Params;
import io.cognate.userpool.auth.PasswordVerifiers;
import io.cognate.userpool.grpc.TokenServiceClient;
import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.repository.UserRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** What users do to their own account, authorized by their access token. */
@ApplicationScoped
public class UserSelfService {
    private final AccessTokens accessTokens;
    private final UserPoolService pools;
    private final AppClientService clients;
    private final UserRepository users;
    private final PasswordVerifiers passwords;
    private final AttributeChanges attributeChanges;
    private final TokenServiceClient tokens;
    private final Outbox outbox;
    private final AttributeVerification verification;

    public UserSelfService(AccessTokens accessTokens, UserPoolService pools, AppClientService clients,
            UserRepository users, PasswordVerifiers passwords, AttributeChanges attributeChanges,
            TokenServiceClient tokens, Outbox outbox,
            AttributeVerification verification) {
        this.accessTokens = accessTokens;
        this.pools = pools;
        this.clients = clients;
        this.users = users;
        this.passwords = passwords;
        this.attributeChanges = attributeChanges;
        this.tokens = tokens;
        this.outbox = outbox;
        this.verification = verification;
    }

    /** GetUser: the attributes the token's client may read. */
    @WithSession
    public Uni<ObjectNode> getUser(String accessToken) {
        return accessTokens.authenticate(accessToken).chain(caller -> client(caller).map(client -> {
            List<String> readable = client == null ? List.of() : client.readAttributes();
            ObjectNode response = Json.object().put("Username", caller.user().username);
            response.set("UserAttributes", Json.attributeList(UserAttributes.listed(caller.user(), readable)));
            return UserView.withMfa(response, caller.user());
        }));
    }

    public Uni<Void> deleteUser(String accessToken) {
        return Panache.withTransaction(() -> accessTokens.authenticate(accessToken)
                .call(caller -> outbox.record(UserEventType.UserDeleted, caller.user(), Map.of()))
                .call(caller -> users.deleteUser(caller.poolId(), caller.user().sub)))
                .chain(caller -> tokens.revoke(RevokeRequest.newBuilder().setUserPoolId(caller.poolId())
                        .setSub(caller.user().sub.toString()).build()))
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<ObjectNode> updateUserAttributes(Params request) {
        String accessToken = request.accessToken();
        Map<String, String> updates = request.attributes("UserAttributes");
        return accessTokens.authenticate(accessToken).chain(caller -> pools.cached(caller.poolId())
                .chain(pool -> client(caller).chain(client -> attributeChanges.update(pool, client, caller.user(),
                        updates, false))))
                .map(deliveries -> {
                    ObjectNode response = Json.object();
                    response.putArray("CodeDeliveryDetailsList").addAll(deliveries);
                    return response;
                });
    }

    /** GetUserAttributeVerificationCode: a code for the user's email, sent to it. */
    @WithTransaction
    public Uni<ObjectNode> getUserAttributeVerificationCode(Params request) {
        String accessToken = request.accessToken();
        String attribute = request.required("AttributeName", 1, 32);
        return accessTokens.authenticate(accessToken).chain(caller -> pools.cached(caller.poolId())
                .chain(pool -> verification.sendCode(pool, caller.user(), attribute))).map(delivery -> {
                    ObjectNode response = Json.object();
                    response.set("CodeDeliveryDetails", delivery);
                    return response;
                });
    }

    /** VerifyUserAttribute: the code proves the address; a held-back new address takes effect. */
    @WithTransaction
    public Uni<Void> verifyUserAttribute(Params request) {
        String accessToken = request.accessToken();
        String attribute = request.required("AttributeName", 1, 32);
        String code = request.required("Code", 1, 2048, Params.USERNAME);
        return accessTokens.authenticate(accessToken).chain(caller -> pools.cached(caller.poolId())
                .chain(pool -> verification.verify(pool, caller.user(), attribute, code)));
    }

    @WithTransaction
    public Uni<Void> deleteUserAttributes(Params request) {
        String accessToken = request.accessToken();
        List<String> names = request.stringList("UserAttributeNames");
        if (names == null) {
            throw INVALID_PARAMETER.withMessage("1 validation error detected: Value at 'userAttributeNames' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        return accessTokens.authenticate(accessToken).chain(caller -> pools.cached(caller.poolId())
                .chain(pool -> client(caller).chain(client -> attributeChanges.delete(pool, client, caller.user(),
                        names, false))));
    }

    @WithTransaction
    public Uni<Void> changePassword(Params request) {
        String accessToken = request.accessToken();
        String previous = request.optional("PreviousPassword", 0, 256);
        String proposed = request.required("ProposedPassword", 1, 256);
        return accessTokens.authenticate(accessToken).chain(caller -> pools.cached(caller.poolId()).chain(pool -> {
            if (previous == null || !passwords.matches(caller.user(), pool, previous)) {
                throw NOT_AUTHORIZED.withMessage("Incorrect username or password.");
            }
            pool.checkNewPassword(proposed, "PASSWORD_CHANGE");
            passwords.set(caller.user(), pool, proposed);
            return users.persist(caller.user())
                    .chain(() -> outbox.record(UserEventType.PasswordChanged, caller.user(), Map.of()));
        }));
    }

    /** The client the token was issued to, or null when it has since been deleted. */
    private Uni<AppClient> client(AccessTokens.Caller caller) {
        return clients.cached(caller.poolId(), caller.clientId()).onFailure(CognitoException.class)
                .recoverWithNull();
    }
}
