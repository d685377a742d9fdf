package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Names;
import io.cognate.it.support.Stack;

/**
 * token-service deletes refresh-token families a day past their expiry or revocation, when no token minted from them
 * can be alive (the test profile runs its housekeeping every 2 s instead of 10 minutes).
 */
class HousekeepingTest {

    @Test
    void refreshTokenFamiliesGoADayAfterTheyExpireOrAreRevokedAndNoSooner() throws Exception {
        String pool = "us-east-1_" + Names.unique("hk").replaceAll("[^A-Za-z0-9]", "");
        try (Connection db = Stack.get().database("cognate_token")) {
            UUID expiredLongAgo = family(db, pool, "now() - interval '25 hours'", null);
            UUID revokedLongAgo = family(db, pool, "now() + interval '30 days'", "now() - interval '25 hours'");
            UUID expiredRecently = family(db, pool, "now() - interval '23 hours'", null);
            UUID revokedRecently = family(db, pool, "now() + interval '30 days'", "now() - interval '23 hours'");
            UUID live = family(db, pool, "now() + interval '30 days'", null);

            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            Set<UUID> left = families(db, pool);
            while (left.size() > 3 && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                left = families(db, pool);
            }

            assertEquals(Set.of(expiredRecently, revokedRecently, live), left,
                    () -> "expected " + expiredLongAgo + " and " + revokedLongAgo + " to be deleted");
            try (PreparedStatement delete = db.prepareStatement("delete from refresh_token_family where "
                    + "user_pool_id = ?")) {
                delete.setString(1, pool);
                delete.executeUpdate();
            }
        }
    }

    private static UUID family(Connection db, String pool, String expiresAt, String revokedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = db.prepareStatement("insert into refresh_token_family (id, user_pool_id, "
                + "client_id, username, sub, origin_jti, auth_time, secret_hash, created_at, expires_at, revoked_at) "
                + "values (?, ?, 'client', 'user', ?, ?, 0, ?, now() - interval '31 days', " + expiresAt + ", "
                + (revokedAt == null ? "null" : revokedAt) + ")")) {
            insert.setObject(1, id);
            insert.setString(2, pool);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setObject(4, UUID.randomUUID());
            insert.setBytes(5, new byte[32]);
            insert.executeUpdate();
        }
        return id;
    }

    private static Set<UUID> families(Connection db, String pool) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (PreparedStatement select = db.prepareStatement("select id from refresh_token_family where user_pool_id = ?")) {
            select.setString(1, pool);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }
}
