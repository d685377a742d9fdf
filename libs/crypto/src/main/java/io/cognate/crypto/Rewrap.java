package io.cognate.crypto;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Re-wraps the sealed values of a database under the current key-encryption key, in the current format: after it,
 * a previous key can leave the ring. Each value is replaced only if it is still the one read, so a value changed
 * meanwhile (a new password, sealed under the current key already) is left alone; a second run changes nothing.
 */
public final class Rewrap {
    private static final int PAGE = 500;

    /** What a run found: values re-wrapped, values already under the current key, and values no key opens. */
    public record Result(int rewrapped, int current, int unreadable) {
        Result plus(Result other) {
            return new Result(rewrapped + other.rewrapped, current + other.current, unreadable + other.unreadable);
        }

        public String summary() {
            return String.format("re-wrapped %d sealed values under the current key (%d were already); %d opened under "
                    + "no key of the ring", rewrapped, current, unreadable);
        }

        /** 0 when every value is now under the current key; 1 when some opened under no key (they are left as they were). */
        public int exitCode() {
            return unreadable == 0 ? 0 : 1;
        }
    }

    private final Aead aead;
    private final DataSource dataSource;

    public Rewrap(Aead aead, DataSource dataSource) {
        this.aead = aead;
        this.dataSource = dataSource;
    }

    public Result run(List<SealedColumn> columns) throws SQLException {
        Result total = new Result(0, 0, 0);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            for (SealedColumn column : columns) {
                total = total.plus(run(connection, column));
            }
        }
        return total;
    }

    private Result run(Connection connection, SealedColumn column) throws SQLException {
        int rewrapped = 0;
        int current = 0;
        int unreadable = 0;
        String after = "";
        while (true) {
            List<Object[]> page = page(connection, column, after);
            for (Object[] row : page) {
                byte[] stored = (byte[]) row[1];
                byte[] nonce = (byte[]) row[2];
                if (nonce == null && aead.sealedWithCurrent(stored)) {
                    current++;
                    continue;
                }
                byte[] sealed = nonce == null ? stored
                        : ByteBuffer.allocate(nonce.length + stored.length).put(nonce).put(stored).array();
                try {
                    byte[] fresh = aead.rewrap(column.purpose(), (String) row[3], sealed);
                    rewrapped += replace(connection, column, (String) row[0], stored, fresh);
                } catch (CiphertextRejectedException e) {
                    unreadable++;
                }
            }
            if (page.size() < PAGE) {
                return new Result(rewrapped, current, unreadable);
            }
            after = (String) page.get(page.size() - 1)[0];
        }
    }

    /** One page of rows: id (as text), stored value, legacy nonce (or null), context. */
    private static List<Object[]> page(Connection connection, SealedColumn column, String after) throws SQLException {
        String nonce = column.legacyNonceColumn() == null ? "null::bytea" : column.legacyNonceColumn();
        String sql = "select " + column.idColumn() + "::text, " + column.column() + ", " + nonce + ", "
                + String.join(", ", column.contextColumns()) + " from " + column.table() + " where " + column.column()
                + " is not null and " + column.idColumn() + "::text > ? order by " + column.idColumn() + "::text limit "
                + PAGE;
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, after);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    List<String> context = new ArrayList<>();
                    for (int i = 0; i < column.contextColumns().size(); i++) {
                        context.add(result.getString(4 + i));
                    }
                    rows.add(new Object[] { result.getString(1), result.getBytes(2), result.getBytes(3),
                            String.join(column.separator(), context) });
                }
            }
        }
        return rows;
    }

    private static int replace(Connection connection, SealedColumn column, String id, byte[] old, byte[] fresh)
            throws SQLException {
        String clearNonce = column.legacyNonceColumn() == null ? "" : ", " + column.legacyNonceColumn() + " = null";
        String sql = "update " + column.table() + " set " + column.column() + " = ?" + clearNonce + " where "
                + column.idColumn() + "::text = ? and " + column.column() + " = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setBytes(1, fresh);
            statement.setString(2, id);
            statement.setBytes(3, old);
            return statement.executeUpdate();
        }
    }
}
