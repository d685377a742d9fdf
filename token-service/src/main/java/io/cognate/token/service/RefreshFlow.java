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

    /** @return the grant, or the refusal when the token is not valid for this pool and client */
    @WithSession
    public Uni<RefreshResult> refresh(String userPoolId, String clientId, String refreshToken) {
        Optional<RefreshTokenContent> content = codec.decode(refreshToken)
                .filter(c -> c.userPoolId().equals(userPoolId) && c.clientId().equals(clientId));
        if (content.isEmpty()) {
            LOG.debugf("refresh in pool %s refused: token not issued for this pool and client", userPoolId);
            return Uni.createFrom().item(RefreshResult.refused("Invalid Refresh Token."));
        }
        return repository.findInPool(userPoolId, content.get().familyId())
                .map(family -> grant(family, content.get(), clientId));
    }

    private RefreshResult grant(RefreshTokenFamilyEntity family, RefreshTokenContent content,
            String clientId) {
        String refusal = family == null || !Secrets.matches(content.secret(), family.secretHash)
                ? "Invalid Refresh Token."
                : family.refusalFor(clientId, clock.instant());
        if (refusal != null) {
            LOG.debugf("refresh in pool %s refused: %s", content.userPoolId(), refusal);
            return RefreshResult.refused(refusal);
        }
        return RefreshResult.granted(new RefreshGrant(family.username, family.sub, family.originJti.toString(),
                family.authTime));
    }
}
