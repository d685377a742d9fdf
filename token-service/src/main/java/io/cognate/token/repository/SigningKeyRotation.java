package io.cognate.token.repository;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Rotates every pool's signing key (the one-off command {@code rotate-signing-keys}): each ACTIVE key is RETIRED and
 * stays in its pool's JWKS for 25 hours, longer than any access or ID token it signed lives (a day at most, plus the
 * replicas' key cache); the next token a pool mints creates its new key, which the JWKS serves beside the old one.
 * Replicas sign with the old key until their cache of it expires (cognate.key-cache.ttl): it is still published.
 */
public final class SigningKeyRotation {
    public static final String COMMAND = "rotate-signing-keys";

    private SigningKeyRotation() {
    }

    /** @return how many keys were retired */
    public static int run(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate("update signing_key set status = 'RETIRED', expires_at = now() + interval "
                    + "'25 hours' where status = 'ACTIVE'");
        }
    }
}
