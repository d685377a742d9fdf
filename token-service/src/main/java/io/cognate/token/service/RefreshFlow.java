package io.cognate.token.service;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.cognate.token.crypto.RefreshTokenCodec;
import io.cognate.token.crypto.RefreshTokenContent;
import io.cognate.token.repository.RefreshTokenFamilyEntity;
import io.cognate.token.repository.RefreshTokenFamilyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Refresh: checks a refresh token presented by an app client (REFRESH_TOKEN_AUTH). */
@ApplicationScoped
public class RefreshFlow {

    private static final Logger LOG = Logger.getLogger(RefreshFlow.class);

    private final RefreshTokenFamilyRepository repository;
    private final RefreshTokenCodec codec;
    private final Clock clock;

    public RefreshFlow(RefreshTokenFamilyRepository repository, RefreshTokenCodec codec, Clock clock) {
        this.repository = repository;
        this.codec = codec;
        this.clock = clock;
    }

    /** @return the grant, or empty when the token is not valid for this pool and client */
    @WithSession
    public Uni<Optional<RefreshGrant>> refresh(String userPoolId, String clientId, String refreshToken) {
        Optional<RefreshTokenContent> content = codec.decode(refreshToken)
                .filter(c -> c.userPoolId().equals(userPoolId) && c.clientId().equals(clientId));
        if (content.isEmpty()) {
            LOG.debugf("refresh in pool %s refused: token not issued for this pool and client", userPoolId);
            return Uni.createFrom().item(Optional.empty());
        }
        return repository.findInPool(userPoolId, content.get().familyId())
                .map(family -> grant(family, content.get(), clientId));
    }

    private Optional<RefreshGrant> grant(RefreshTokenFamilyEntity family, RefreshTokenContent content,
            String clientId) {
        String refusal = null;
        if (family == null || !Secrets.matches(content.secret(), family.secretHash)) {
            refusal = "unknown family";
        } else if (!family.clientId.equals(clientId)) {
            refusal = "other client";
        } else if (family.isRevoked()) {
            refusal = "revoked";
        } else if (family.isExpiredAt(clock.instant())) {
            refusal = "expired";
        }
        if (refusal != null) {
            LOG.debugf("refresh in pool %s refused: %s", content.userPoolId(), refusal);
            return Optional.empty();
        }
        return Optional.of(new RefreshGrant(family.username, family.sub, family.originJti.toString(),
                family.authTime));
    }
}
