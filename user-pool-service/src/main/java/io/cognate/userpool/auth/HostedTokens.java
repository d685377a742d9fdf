package io.cognate.userpool.auth;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.userpool.error.CognitoError;
import io.cognate.userpool.repository.UserRepository;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.UserPoolService;
import io.cognate.userpool.service.UserStatus;
import io.cognate.userpool.triggers.TokenCustomization;
import io.cognate.userpool.triggers.Triggers;
import io.smallrye.mutiny.Uni;

/**
 * Tokens for the OAuth endpoints: for a user a hosted sign-in just authenticated, or whom the pool's session cookie
 * vouches for (single sign-on across the pool's clients), as long as the user may still sign in: present, enabled,
 * confirmed (or an external provider's user), and not signed out globally since. And what PreTokenGeneration V3_0 changes in a
 * client_credentials token.
 */
@ApplicationScoped
public class HostedTokens {
    private final AppClientService clients;
    private final UserPoolService pools;
    private final UserRepository users;
    private final TokenIssuer tokens;
    private final Transactions transactions;
    private final Triggers triggers;

    public HostedTokens(AppClientService clients, UserPoolService pools, UserRepository users, TokenIssuer tokens,
            Transactions transactions, Triggers triggers) {
        this.triggers = triggers;
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
                    if (user == null || !user.enabled || !UserStatus.CONFIRMED.equals(user.status)
                            && !UserStatus.EXTERNAL_PROVIDER.equals(user.status)) {
                        throw CognitoError.NOT_AUTHORIZED.withMessage("The user may no longer sign in.");
                    }
                    if (user.tokensRevokedAt != null && user.tokensRevokedAt.getEpochSecond() >= authTime) {
                        throw CognitoError.NOT_AUTHORIZED.withMessage("The user signed out after this sign-in.");
                    }
                    return tokens.oauth(pool, client, user, authTime, amr, scopes, nonce);
                }))));
    }

    /** A client_credentials token's scopes and claims, as the pool's PreTokenGeneration V3_0 trigger changes them. */
    public record ClientToken(List<String> scopes, TokenCustomization customization) {
    }

    public Uni<ClientToken> clientCredentials(String clientId, List<String> scopes, Map<String, String> metadata) {
        return transactions.session(() -> clients.cachedById(clientId).chain(client -> pools.cached(client.poolId())
                .chain(pool -> {
                    if (!"V3_0".equals(pool.settings().policies().lambda().preTokenGenerationVersion())) {
                        return Uni.createFrom().item(new ClientToken(scopes, TokenCustomization.NONE));
                    }
                    return triggers.preTokenGeneration(pool.triggerCall(client.id(), metadata),
                            "TokenGeneration_ClientCredentials", client.id(), Map.of(), List.of(), List.of(), null,
                            scopes).map(custom -> new ClientToken(custom.scopes(scopes), custom));
                })));
    }
}
