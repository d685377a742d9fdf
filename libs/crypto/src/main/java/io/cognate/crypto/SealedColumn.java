package io.cognate.crypto;

import java.util.List;

/**
 * A table column that holds sealed values, as {@link Rewrap} walks it: the row's key, the column, the purpose its
 * values were sealed for, and the columns their context is made of (joined by {@code separator}).
 *
 * @param legacyNonceColumn a column that held the nonce apart in an earlier format (null when none); a re-wrap
 *        clears it
 */
public record SealedColumn(String table, String idColumn, String column, Purpose purpose, List<String> contextColumns,
        String separator, String legacyNonceColumn) {

    public SealedColumn(String table, String idColumn, String column, Purpose purpose, List<String> contextColumns,
            String separator) {
        this(table, idColumn, column, purpose, contextColumns, separator, null);
    }
}
