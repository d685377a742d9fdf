package io.cognate.database.rows;

import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/**
 * The rows of one table, read and written in the current {@link Session}. Queries are SQL with {@code $1}-style
 * placeholders, their parameters Java values ({@link RowType#tuple}).
 */
public abstract class Repository<E> {
    protected final RowType<E> rows;

    protected Repository(Class<E> type) {
        this.rows = RowType.of(type);
    }

    /** Inserts the row; changes to it afterwards are written when the transaction commits. */
    public Uni<E> persist(E entity) {
        return Sessions.current().insert(entity);
    }

    /** The row with that key (the value of its single key column), or null. */
    public Uni<E> findById(Object key) {
        return Sessions.current().find(rows, key);
    }

    public Uni<Void> delete(E entity) {
        return Sessions.current().delete(entity);
    }

    /**
     * The first row {@code select * from
     *
    <table>
     *  where <condition>} answers, or null.
     */
    protected Uni<E> first(String condition, Object... parameters) {
        return list(condition + " limit 1", parameters).map(found -> found.isEmpty() ? null : found.get(0));
    }

    /**
     * The rows {@code select * from
     *
    <table>
     *  where <condition>} answers ({@code condition} may order and limit).
     */
    protected Uni<List<E>> list(String condition, Object... parameters) {
        return select("select * from " + rows.table() + " where " + condition, parameters);
    }

    /** The rows of this table a whole query answers ({@code select t.* from ...}). */
    protected Uni<List<E>> select(String query, Object... parameters) {
        return Sessions.current().query(rows, query, RowType.tuple(parameters));
    }

    protected Uni<Long> countWhere(String condition, Object... parameters) {
        return execute("select count(*) from " + rows.table() + " where " + condition, parameters)
                .map(answer -> answer.iterator().next().getLong(0));
    }

    /** Deletes the rows {@code condition} selects; answers how many. */
    protected Uni<Long> deleteWhere(String condition, Object... parameters) {
        return execute("delete from " + rows.table() + " where " + condition, parameters)
                .map(answer -> (long) answer.rowCount());
    }

    /** Runs a statement: an update, an insert, a query of something other than this table's rows. */
    protected Uni<RowSet<Row>> execute(String sql, Object... parameters) {
        return Sessions.current().execute(sql, RowType.tuple(parameters));
    }
}
