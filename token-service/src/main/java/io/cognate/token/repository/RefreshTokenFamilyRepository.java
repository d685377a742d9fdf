package io.cognate.token.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Refresh-token families, always looked up within one user pool. */
@ApplicationScoped
public class RefreshTokenFamilyRepository implements PanacheRepositoryBase<RefreshTokenFamilyEntity, UUID> {

    /** @return the family, or null */
    public Uni<RefreshTokenFamilyEntity> findInPool(String userPoolId, UUID familyId) {
        return find("userPoolId = ?1 and id = ?2", userPoolId, familyId).firstResult();
    }

    /** @return the family the tokens with this origin_jti belong to, or null */
    public Uni<RefreshTokenFamilyEntity> findByOriginJti(String userPoolId, UUID originJti) {
        return find("userPoolId = ?1 and originJti = ?2", userPoolId, originJti).firstResult();
    }

    /** @return 1 when the family was live and is now revoked, 0 when it was already revoked */
    public Uni<Integer> revoke(String userPoolId, UUID familyId, Instant now) {
        return update("revokedAt = ?1 where userPoolId = ?2 and id = ?3 and revokedAt is null", now, userPoolId,
                familyId);
    }

    /** Global sign-out. @return how many live families were revoked */
    public Uni<Integer> revokeAllOfUser(String userPoolId, String sub, Instant now) {
        return update("revokedAt = ?1 where userPoolId = ?2 and sub = ?3 and revokedAt is null", now, userPoolId, sub);
    }
}
