package io.cognate.token.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.cognate.database.rows.Transactions;
import io.cognate.token.crypto.RefreshTokenCodec;
import io.cognate.token.crypto.RefreshTokenContent;
import io.cognate.token.repository.RefreshTokenFamilyEntity;
import io.cognate.token.repository.RefreshTokenFamilyRepository;
import io.smallrye.mutiny.Uni;

/** Refresh: checks a refresh token presented by an app client (REFRESH_TOKEN_AUTH). */
@ApplicationScoped
public class RefreshFlow {

    private static final Logger LOG = Logger.getLogger(RefreshFlow.class);

    private final RefreshTokenFamilyRepository repository;
    private final RefreshTokenCodec codec;
    private final Clock clock;
    private final Transactions transactions;

    public RefreshFlow(RefreshTokenFamilyRepository repository, RefreshTokenCodec codec, Clock clock,
            Transactions transactions) {
        this.repository = repository;
        this.codec = codec;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** @return the grant, or the refusal when the token is not valid for this pool and client */
    public Uni<RefreshResult> refresh(String userPoolId, String clientId, String refreshToken) {
        return transactions.session(() -> {
            Optional<RefreshTokenContent> content = codec.decode(refreshToken)
                    .filter(c -> c.userPoolId().equals(userPoolId) && c.clientId().equals(clientId));
            if (content.isEmpty()) {
                LOG.debugf("refresh in pool %s refused: token not issued for this pool and client", userPoolId);
                return Uni.createFrom().item(RefreshResult.refused("Invalid Refresh Token."));
            }
            return repository.findInPool(userPoolId, content.get().familyId())
                    .map(family -> grant(family, content.get(), clientId));
        });
    }

    /**
     * The family's current refresh token is granted; the one its last rotation replaced, within the grace period
     * only (after it, a reuse).
     */
    private RefreshResult grant(RefreshTokenFamilyEntity family, RefreshTokenContent content,
            String clientId) {
        Instant now = clock.instant();
        boolean current = family != null && Secrets.matches(content.secret(), family.secretHash);
        boolean replaced = family != null && !current && family.previousSecretHash != null
                && Secrets.matches(content.secret(), family.previousSecretHash);
        String refusal = !current && !replaced ? "Invalid Refresh Token." : family.refusalFor(clientId, now);
        if (refusal != null) {
            LOG.debugf("refresh in pool %s refused: %s", content.userPoolId(), refusal);
            return RefreshResult.refused(refusal);
        }
        if (replaced && now.isAfter(family.rotatedAt.plusSeconds(family.retryGraceSeconds))) {
            LOG.debugf("refresh in pool %s refused: rotated token reused", content.userPoolId());
            return RefreshResult.reusedAfterRotation();
        }
        return RefreshResult.granted(new RefreshGrant(family.username, family.sub, family.originJti.toString(),
                family.authTime, family.scopeList(), family.oauth));
    }
}
