package io.cognate.userpool.auth;

import static io.cognate.userpool.api.CognitoError.UNAUTHORIZED;
import static io.cognate.userpool.api.CognitoError.UNSUPPORTED_OPERATION;
import static io.cognate.userpool.api.CognitoError.UNSUPPORTED_TOKEN_TYPE;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.token.v1.RefreshTokenTarget;
import io.cognate.contracts.token.v1.RevokeRequest;
import io.cognate.contracts.token.v1.RevokeResponse;
import io.cognate.userpool.grpc.TokenServiceClient;
import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.service.AccessTokens;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.UserAdminService;
import io.cognate.userpool.service.UserPoolService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Sign-out: every refresh-token family of the user is revoked in token-service, which also makes the access and ID
 * tokens minted from them fail introspection at once.
 */
@ApplicationScoped
public class SignOutService {
    private final AccessTokens accessTokens;
    private final UserPoolService pools;
    private final UserAdminService admin;
    private final AppClientService clients;
    private final TokenServiceClient tokens;
    private final Outbox outbox;

    public SignOutService(AccessTokens accessTokens, UserPoolService pools, UserAdminService admin,
            AppClientService clients, TokenServiceClient tokens, Outbox outbox) {
        this.accessTokens = accessTokens;
        this.pools = pools;
        this.admin = admin;
        this.clients = clients;
        this.tokens = tokens;
        this.outbox = outbox;
    }

    public Uni<Void> globalSignOut(String accessToken) {
        return Panache.withSession(() -> accessTokens.authenticate(accessToken).chain(caller -> signOut(caller.user())));
    }

    public Uni<Void> adminUserGlobalSignOut(String poolId, String username) {
        return Panache.withSession(() -> pools.require(poolId).chain(pool -> admin.require(pool, username))
                .chain(this::signOut));
    }

    /** RevokeToken: revokes the refresh token's family; the client must be the one it was issued to. */
    public Uni<Void> revokeToken(String token, String clientId, String clientSecret) {
        return Panache.withSession(() -> clients.requireById(clientId).chain(client -> {
            if (client.secret() != null && (clientSecret == null || !MessageDigest.isEqual(
                    client.secret().getBytes(StandardCharsets.UTF_8), clientSecret.getBytes(StandardCharsets.UTF_8)))) {
                throw UNAUTHORIZED.withMessage("Client authentication failed.");
            }
            if (!client.tokenRevocationEnabled()) {
                throw UNSUPPORTED_OPERATION.withMessage("Token revocation is not enabled for this client.");
            }
            RevokeRequest request = RevokeRequest.newBuilder().setUserPoolId(client.poolId())
                    .setRefreshToken(RefreshTokenTarget.newBuilder().setClientId(clientId).setToken(token)).build();
            return tokens.revoke(request).map(response -> {
                if (response.getOutcome() == RevokeResponse.Outcome.UNKNOWN_TOKEN) {
                    throw UNSUPPORTED_TOKEN_TYPE.withMessage("The token is not a valid refresh token.");
                }
                if (response.getOutcome() == RevokeResponse.Outcome.WRONG_CLIENT) {
                    throw UNAUTHORIZED.withMessage("The refresh token was not issued to this client.");
                }
                return null;
            });
        })).replaceWithVoid();
    }

    private Uni<Void> signOut(UserEntity user) {
        RevokeRequest request = RevokeRequest.newBuilder().setUserPoolId(user.poolId).setSub(user.sub.toString()).build();
        return tokens.revoke(request)
                .chain(() -> Panache.withTransaction(() -> outbox.record(UserEventType.SignOut, user, Map.of())));
    }
}
