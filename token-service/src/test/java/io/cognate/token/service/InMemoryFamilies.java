package io.cognate.token.service;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.cognate.token.repository.RefreshTokenFamilyEntity;
import io.cognate.token.repository.RefreshTokenFamilyRepository;
import io.smallrye.mutiny.Uni;

/** The family repository's queries over a map, for flow tests that need no database. */
final class InMemoryFamilies extends RefreshTokenFamilyRepository {

    final Map<UUID, RefreshTokenFamilyEntity> rows = new ConcurrentHashMap<>();

    @Override
    public Uni<RefreshTokenFamilyEntity> persist(RefreshTokenFamilyEntity entity) {
        rows.put(entity.id, entity);
        return Uni.createFrom().item(entity);
    }

    @Override
    public Uni<RefreshTokenFamilyEntity> findInPool(String userPoolId, UUID familyId) {
        RefreshTokenFamilyEntity row = rows.get(familyId);
        return Uni.createFrom().item(row != null && row.userPoolId.equals(userPoolId) ? row : null);
    }

    @Override
    public Uni<RefreshTokenFamilyEntity> findByOriginJti(String userPoolId, UUID originJti) {
        return Uni.createFrom().item(rows.values().stream()
                .filter(r -> r.userPoolId.equals(userPoolId) && r.originJti.equals(originJti))
                .findFirst().orElse(null));
    }

    @Override
    public Uni<Integer> revoke(String userPoolId, UUID familyId, Instant now) {
        RefreshTokenFamilyEntity row = rows.get(familyId);
        if (row == null || !row.userPoolId.equals(userPoolId) || row.revokedAt != null) {
            return Uni.createFrom().item(0);
        }
        row.revokedAt = now;
        return Uni.createFrom().item(1);
    }

    @Override
    public Uni<Integer> revokeAllOfUser(String userPoolId, String sub, Instant now) {
        int count = 0;
        for (RefreshTokenFamilyEntity row : rows.values()) {
            if (row.userPoolId.equals(userPoolId) && Objects.equals(row.sub, sub) && row.revokedAt == null) {
                row.revokedAt = now;
                count++;
            }
        }
        return Uni.createFrom().item(count);
    }
}
