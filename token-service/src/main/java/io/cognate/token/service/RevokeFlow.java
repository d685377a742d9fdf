package io.cognate.token.service;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.cognate.database.rows.Transactions;
import io.cognate.token.crypto.RefreshTokenCodec;
import io.cognate.token.crypto.RefreshTokenContent;
import io.cognate.token.repository.RefreshTokenFamilyRepository;
import io.smallrye.mutiny.Uni;

/**
 * Revoke: ends one refresh-token family (RevokeToken) or all of a user's families (GlobalSignOut and
 * AdminUserGlobalSignOut). Tokens of a revoked family fail Refresh and Introspect at once.
 */
@ApplicationScoped
public class RevokeFlow {

    private static final Logger LOG = Logger.getLogger(RevokeFlow.class);

    private final RefreshTokenFamilyRepository repository;
    private final RefreshTokenCodec codec;
    private final Clock clock;
    private final Transactions transactions;

    public RevokeFlow(RefreshTokenFamilyRepository repository, RefreshTokenCodec codec, Clock clock,
            Transactions transactions) {
        this.repository = repository;
        this.codec = codec;
        this.clock = clock;
        this.transactions = transactions;
    }

    public Uni<RevokeOutcome> revokeRefreshToken(String userPoolId, String clientId, String refreshToken) {
        return transactions.transaction(() -> {
            Optional<RefreshTokenContent> content = codec.decode(refreshToken)
                    .filter(c -> c.userPoolId().equals(userPoolId));
            if (content.isEmpty()) {
                return Uni.createFrom().item(RevokeOutcome.of(RevokeOutcome.Kind.UNKNOWN_TOKEN));
            }
            RefreshTokenContent token = content.get();
            return repository.findInPool(userPoolId, token.familyId()).chain(family -> {
                if (family == null || !Secrets.matches(token.secret(), family.secretHash)) {
                    return Uni.createFrom().item(RevokeOutcome.of(RevokeOutcome.Kind.UNKNOWN_TOKEN));
                }
                if (!family.clientId.equals(clientId)) {
                    return Uni.createFrom().item(RevokeOutcome.of(RevokeOutcome.Kind.WRONG_CLIENT));
                }
                return repository.revoke(userPoolId, family.id, clock.instant())
                        .map(count -> RevokeOutcome.revokedFamily(count, family.originJti.toString()));
            });
        });
    }

    public Uni<RevokeOutcome> revokeAllOfUser(String userPoolId, String sub) {
        return transactions.transaction(() -> repository.revokeAllOfUser(userPoolId, sub, clock.instant())
                .map(count -> {
                    LOG.debugf("global sign-out in pool %s revoked %d families", userPoolId, count);
                    return RevokeOutcome.revoked(count);
                }));
    }
}
