package io.cognate.userpool.service;

import static io.cognate.userpool.api.CognitoError.NOT_AUTHORIZED;
import static io.cognate.userpool.api.CognitoError.USER_NOT_FOUND;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.token.v1.IntrospectRequest;
import io.cognate.userpool.grpc.TokenServiceClient;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.smallrye.mutiny.Uni;

/**
 * Authorizes the actions a user calls with an access token (GetUser, ChangePassword, ...): token-service checks the
 * signature, expiry and revocation; the user must still exist and be enabled.
 */
@ApplicationScoped
public class AccessTokens {
    /** Who called: the user, its pool's id, and the client the token was issued to. */
    public record Caller(String poolId, UserEntity user, String clientId) {
    }

    private final TokenServiceClient tokens;
    private final UserRepository users;

    public AccessTokens(TokenServiceClient tokens, UserRepository users) {
        this.tokens = tokens;
        this.users = users;
    }

    /** The caller; call inside a session. */
    public Uni<Caller> authenticate(String accessToken) {
        IntrospectRequest request = IntrospectRequest.newBuilder().setToken(accessToken).setExpectedTokenUse("access")
                .build();
        return tokens.introspect(request).chain(introspection -> {
            if (!introspection.getActive()) {
                String reason = introspection.getReason().isEmpty() ? "Invalid Access Token" : introspection.getReason();
                throw NOT_AUTHORIZED.withMessage(reason);
            }
            if (!introspection.getScopesList().contains("aws.cognito.signin.user.admin")) {
                throw NOT_AUTHORIZED.withMessage("Access Token does not have required scopes");
            }
            // A user row exists only while its pool does (the schema cascades), so the pool need not be read.
            String poolId = introspection.getUserPoolId();
            return users.findBySub(poolId, UUID.fromString(introspection.getSub())).map(user -> {
                if (user == null) {
                    throw USER_NOT_FOUND.withMessage("User does not exist.");
                }
                if (!user.enabled) {
                    throw NOT_AUTHORIZED.withMessage("User is disabled.");
                }
                return new Caller(poolId, user, introspection.getClientId());
            });
        });
    }
}
