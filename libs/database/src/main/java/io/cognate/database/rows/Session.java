package io.cognate.database.rows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One unit of work on one connection, taken from the pool at its first statement: the rows it read, each once (a
 * second read of a row answers the same instance), and what was changed in them since, written back by
 * {@link #flush} — before every query of a transaction, and at its commit. Not for concurrent use.
 */
public final class Session {
    private final Pool pool;
    private final Map<Object, Managed<?>> managed = new LinkedHashMap<>();
    private Uni<SqlConnection> opening;
    private SqlConnection connection;
    private Transaction transaction;
    private boolean transactional;

    private record Managed<E>(RowType<E> type, E entity, Object[] snapshot) {
    }

    /** A row's identity: its class and its key's value (a list for a composite key). */
    private record RowKey(Class<?> type, Object key) {
    }

    Session(Pool pool) {
        this.pool = pool;
    }

    boolean inTransaction() {
        return transactional;
    }

    /** The statements from here on run in a transaction, begun with the next one. */
    Uni<Void> begin() {
        transactional = true;
        return connection == null ? Uni.createFrom().voidItem()
                : connection.begin().invoke(begun -> transaction = begun).replaceWithVoid();
    }

    Uni<Void> commit() {
        transactional = false;
        Transaction ending = transaction;
        transaction = null;
        return ending == null ? Uni.createFrom().voidItem() : ending.commit();
    }

    Uni<Void> rollback() {
        transactional = false;
        Transaction ending = transaction;
        transaction = null;
        return ending == null ? Uni.createFrom().voidItem()
                : ending.rollback().onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Gives the connection back to the pool. */
    Uni<Void> close() {
        SqlConnection closing = connection;
        connection = null;
        opening = null;
        managed.clear();
        return closing == null ? Uni.createFrom().voidItem() : closing.close();
    }

    /** Runs a statement: in a transaction, after the changes so far were written, so it sees them. */
    public Uni<RowSet<Row>> execute(String sql, Tuple parameters) {
        Uni<Void> before = transactional ? flush() : Uni.createFrom().voidItem();
        return before.chain(this::connection).chain(c -> c.preparedQuery(sql).execute(parameters));
    }

    /** The rows a query answers, as instances of {@code type}; rows already read are answered as read. */
    public <E> Uni<List<E>> query(RowType<E> type, String sql, Tuple parameters) {
        return execute(sql, parameters).map(rows -> {
            List<E> entities = new ArrayList<>(rows.size());
            for (Row row : rows) {
                entities.add(read(type, row));
            }
            return entities;
        });
    }

    /** The row with that key (the single key column's value), or null. */
    public <E> Uni<E> find(RowType<E> type, Object key) {
        if (type.compositeKey()) {
            return Uni.createFrom().failure(new IllegalArgumentException(type.type().getSimpleName()
                    + " has a composite key: find it by a query naming every key column"));
        }
        @SuppressWarnings("unchecked")
        Managed<E> known = (Managed<E>) managed.get(new RowKey(type.type(), key));
        if (known != null) {
            return Uni.createFrom().item(known.entity());
        }
        return query(type, type.selectByKey(), RowType.tuple(key)).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /**
     * Inserts the entity now (reading back a key the database assigns); later changes to it are flushed. An entity
     * this session read or inserted already is not inserted again: its changes are flushed.
     */
    public <E> Uni<E> insert(E entity) {
        @SuppressWarnings("unchecked")
        RowType<E> type = RowType.of((Class<E>) entity.getClass());
        Managed<?> known = managed.get(new RowKey(type.type(), type.key(entity)));
        if (known != null && known.entity() == entity) {
            return Uni.createFrom().item(entity);
        }
        RowType.Statement insert = type.insert(entity);
        return execute(insert.sql(), insert.tuple()).map(rows -> {
            if (rows.iterator().hasNext()) {
                type.assignKey(entity, rows.iterator().next());
            }
            managed.put(new RowKey(type.type(), type.key(entity)), new Managed<>(type, entity, type.snapshot(entity)));
            return entity;
        });
    }

    /** Deletes the entity's row now. */
    public <E> Uni<Void> delete(E entity) {
        @SuppressWarnings("unchecked")
        RowType<E> type = RowType.of((Class<E>) entity.getClass());
        managed.remove(new RowKey(type.type(), type.key(entity)));
        RowType.Statement delete = type.delete(entity);
        return execute(delete.sql(), delete.tuple()).replaceWithVoid();
    }

    /** Writes the columns changed since each row was read or last written, one update per changed row. */
    public Uni<Void> flush() {
        List<Runnable> remember = new ArrayList<>();
        List<RowType.Statement> updates = new ArrayList<>();
        for (Managed<?> row : managed.values()) {
            collect(row, updates, remember);
        }
        if (updates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        remember.forEach(Runnable::run);
        Uni<SqlConnection> written = connection();
        for (RowType.Statement update : updates) {
            written = written.call(c -> c.preparedQuery(update.sql()).execute(update.tuple()));
        }
        return written.replaceWithVoid();
    }

    private <E> void collect(Managed<E> row, List<RowType.Statement> updates, List<Runnable> remember) {
        RowType.Statement update = row.type().update(row.entity(), row.snapshot());
        if (update != null) {
            updates.add(update);
            Object[] now = row.type().snapshot(row.entity());
            remember.add(() -> System.arraycopy(now, 0, row.snapshot(), 0, now.length));
        }
    }

    /** The row as an instance of {@code type}: the instance already read when it was, else a new one, now kept. */
    public <E> E read(RowType<E> type, Row row) {
        E read = type.read(row);
        Object key = new RowKey(type.type(), type.key(read));
        @SuppressWarnings("unchecked")
        Managed<E> known = (Managed<E>) managed.get(key);
        if (known != null) {
            return known.entity();
        }
        managed.put(key, new Managed<>(type, read, type.snapshot(read)));
        return read;
    }

    /** The session's connection, taken from the pool once (and its transaction begun, in one). */
    private Uni<SqlConnection> connection() {
        if (opening == null) {
            opening = pool.getConnection().call(opened -> {
                connection = opened;
                return transactional ? opened.begin().invoke(begun -> transaction = begun)
                        : Uni.createFrom().voidItem();
            }).memoize().indefinitely();
        }
        return opening;
    }
}
