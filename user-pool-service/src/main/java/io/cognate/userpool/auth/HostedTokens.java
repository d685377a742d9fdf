package io.cognate.userpool.auth;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.error.CognitoError;
import io.cognate.userpool.repository.Transactions;
import io.cognate.userpool.repository.UserRepository;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.UserPoolService;
import io.cognate.userpool.service.UserStatus;
import io.smallrye.mutiny.Uni;

/**
 * Tokens for the OAuth endpoints: for a user a hosted sign-in just authenticated, or whom the pool's session cookie
 * vouches for (single sign-on across the pool's clients), as long as the user may still sign in: present, enabled,
 * confirmed, and not signed out globally since.
 */
@ApplicationScoped
public class HostedTokens {
    private final AppClientService clients;
    private final UserPoolService pools;
    private final UserRepository users;
    private final TokenIssuer tokens;
    private final Transactions transactions;

    public HostedTokens(AppClientService clients, UserPoolService pools, UserRepository users, TokenIssuer tokens,
            Transactions transactions) {
        this.clients = clients;
        this.pools = pools;
        this.users = users;
        this.tokens = tokens;
        this.transactions = transactions;
    }

    public Uni<SignInOutcome.Tokens> issue(String clientId, UUID sub, long authTime, List<String> amr,
            List<String> scopes, String nonce) {
        return transactions.session(() -> clients.cachedById(clientId).chain(client -> pools.cached(client.poolId())
                .chain(pool -> users.findBySub(pool.id(), sub).chain(user -> {
                    if (user == null || !user.enabled || !UserStatus.CONFIRMED.equals(user.status)) {
                        throw CognitoError.NOT_AUTHORIZED.withMessage("The user may no longer sign in.");
                    }
                    if (user.tokensRevokedAt != null && user.tokensRevokedAt.getEpochSecond() >= authTime) {
                        throw CognitoError.NOT_AUTHORIZED.withMessage("The user signed out after this sign-in.");
                    }
                    return tokens.oauth(pool, client, user, authTime, amr, scopes, nonce);
                }))));
    }
}
