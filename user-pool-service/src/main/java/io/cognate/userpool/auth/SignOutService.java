package io.cognate.userpool.auth;

import static io.cognate.userpool.error.CognitoError.UNAUTHORIZED;
import static io.cognate.userpool.error.CognitoError.UNSUPPORTED_OPERATION;
import static io.cognate.userpool.error.CognitoError.UNSUPPORTED_TOKEN_TYPE;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.token.v1.RefreshTokenTarget;
import io.cognate.contracts.token.v1.RevokeRequest;
import io.cognate.contracts.token.v1.RevokeResponse;
import io.cognate.database.rows.Transactions;
import io.cognate.userpool.grpc.TokenServiceClient;
import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.repository.RevokedTokenFamilyRepository;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.service.AccessTokens;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.UserLookup;
import io.cognate.userpool.service.UserPoolService;
import io.smallrye.mutiny.Uni;

/**
 * Sign-out: token-service revokes the refresh-token families, and this service records the sign-out (the time of a
 * global one on the user, the family of a revoked refresh token) so that it refuses the access tokens minted before
 * at once, on every replica (see {@link AccessTokens}).
 */
@ApplicationScoped
public class SignOutService {
    private static final Duration MAX_ACCESS_TOKEN_VALIDITY = Duration.ofDays(1);

    private final AccessTokens accessTokens;
    private final UserPoolService pools;
    private final UserLookup lookup;
    private final AppClientService clients;
    private final TokenServiceClient tokens;
    private final Outbox outbox;
    private final RevokedTokenFamilyRepository revokedFamilies;

    private final Transactions transactions;

    public SignOutService(AccessTokens accessTokens, UserPoolService pools, UserLookup lookup,
            AppClientService clients, TokenServiceClient tokens, Outbox outbox,
            RevokedTokenFamilyRepository revokedFamilies, Transactions transactions) {
        this.transactions = transactions;
        this.accessTokens = accessTokens;
        this.pools = pools;
        this.lookup = lookup;
        this.clients = clients;
        this.tokens = tokens;
        this.outbox = outbox;
        this.revokedFamilies = revokedFamilies;
    }

    public Uni<Void> globalSignOut(String accessToken) {
        return transactions.session(() -> accessTokens.authenticate(accessToken).chain(caller -> signOut(caller.user())));
    }

    public Uni<Void> adminUserGlobalSignOut(String poolId, String username) {
        return transactions.session(() -> pools.require(poolId).chain(pool -> lookup.require(pool, username))
                .chain(this::signOut));
    }

    /** RevokeToken: revokes the refresh token's family; the client must be the one it was issued to. */
    public Uni<Void> revokeToken(String token, String clientId, String clientSecret) {
        return transactions.session(() -> clients.requireById(clientId).chain(client -> {
            if (!AppClientService.secretMatches(client, clientSecret)) {
                throw UNAUTHORIZED.withMessage("Client authentication failed.");
            }
            if (!client.tokenRevocationEnabled()) {
                throw UNSUPPORTED_OPERATION.withMessage("Token revocation is not enabled for this client.");
            }
            RevokeRequest request = RevokeRequest.newBuilder().setUserPoolId(client.poolId())
                    .setRefreshToken(RefreshTokenTarget.newBuilder().setClientId(clientId).setToken(token)).build();
            return tokens.revoke(request).chain(response -> {
                if (response.getOutcome() == RevokeResponse.Outcome.UNKNOWN_TOKEN) {
                    throw UNSUPPORTED_TOKEN_TYPE.withMessage("The token is not a valid refresh token.");
                }
                if (response.getOutcome() == RevokeResponse.Outcome.WRONG_CLIENT) {
                    throw UNAUTHORIZED.withMessage("The refresh token was not issued to this client.");
                }
                // Access tokens live at most a day (Cognito's upper bound): after that none of the family is left.
                Instant lastAccessTokenExpiry = Instant.now().plus(MAX_ACCESS_TOKEN_VALIDITY);
                return transactions.transaction(() -> revokedFamilies.record(client.poolId(),
                        UUID.fromString(response.getOriginJti()), lastAccessTokenExpiry));
            });
        })).replaceWithVoid();
    }

    private Uni<Void> signOut(UserEntity user) {
        // Taken before token-service revokes: every token issued before this instant belongs to a revoked family.
        Instant signedOutAt = Instant.now();
        RevokeRequest request = RevokeRequest.newBuilder().setUserPoolId(user.poolId).setSub(user.sub.toString()).build();
        return tokens.revoke(request).chain(() -> transactions.transaction(() -> {
            user.tokensRevokedAt = signedOutAt;
            return outbox.record(UserEventType.SignOut, user, Map.of());
        }));
    }
}
