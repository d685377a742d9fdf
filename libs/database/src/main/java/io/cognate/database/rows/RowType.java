package io.cognate.database.rows;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * How instances of a {@link Table} class are read from rows and written back: its columns (the fields), its key, and
 * the statements that insert, update and delete one row by its key.
 */
public final class RowType<E> {
    private static final ClassValue<RowType<?>> TYPES = new ClassValue<>() {
        @Override
        protected RowType<?> computeValue(Class<?> type) {
            return new RowType<>(type);
        }
    };

    private final Class<E> type;
    private final String table;
    private final Constructor<E> constructor;
    private final Field[] fields;
    private final String[] columns;
    private final int[] key;
    /** The index of the key column the database assigns, or -1. */
    private final int generated;

    @SuppressWarnings("unchecked")
    public static <E> RowType<E> of(Class<E> type) {
        return (RowType<E>) TYPES.get(type);
    }

    private RowType(Class<E> type) {
        Table table = type.getAnnotation(Table.class);
        if (table == null) {
            throw new IllegalArgumentException(type.getName() + " is not annotated @Table");
        }
        this.type = type;
        this.table = table.value();
        try {
            this.constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no constructor without parameters", e);
        }
        List<Field> mapped = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                field.setAccessible(true);
                mapped.add(field);
            }
        }
        this.fields = mapped.toArray(Field[]::new);
        this.columns = new String[fields.length];
        List<Integer> keyColumns = new ArrayList<>();
        int assigned = -1;
        for (int i = 0; i < fields.length; i++) {
            Column column = fields[i].getAnnotation(Column.class);
            columns[i] = column == null ? fields[i].getName() : column.value();
            Id id = fields[i].getAnnotation(Id.class);
            if (id != null) {
                keyColumns.add(i);
                if (id.generated()) {
                    assigned = i;
                }
            }
        }
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " has no @Id field");
        }
        this.key = keyColumns.stream().mapToInt(Integer::intValue).toArray();
        this.generated = assigned;
    }

    public Class<E> type() {
        return type;
    }

    public String table() {
        return table;
    }

    /** A new instance holding the row's columns (those the row has). */
    public E read(Row row) {
        try {
            E entity = constructor.newInstance();
            for (int i = 0; i < fields.length; i++) {
                int index = row.getColumnIndex(columns[i]);
                if (index >= 0) {
                    Object value = fromColumn(row.getValue(index), fields[i].getType());
                    if (value != null || !fields[i].getType().isPrimitive()) {
                        fields[i].set(entity, value);
                    }
                }
            }
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read a " + type.getSimpleName() + " from its row", e);
        }
    }

    /** The entity's column values, as the fields hold them. */
    Object[] values(E entity) {
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = get(entity, i);
        }
        return values;
    }

    /** A copy of the values to compare later ones with (byte arrays copied, as code may change them in place). */
    Object[] snapshot(E entity) {
        Object[] values = values(entity);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof byte[] bytes) {
                values[i] = bytes.clone();
            }
        }
        return values;
    }

    /** The key's value: the single key column's, or a list of the composite key's. */
    Object key(E entity) {
        if (key.length == 1) {
            return get(entity, key[0]);
        }
        List<Object> values = new ArrayList<>(key.length);
        for (int index : key) {
            values.add(get(entity, index));
        }
        return values;
    }

    String selectByKey() {
        return "select * from " + table + " where " + keyCondition(1);
    }

    boolean compositeKey() {
        return key.length > 1;
    }

    /** The insert and its parameters; with {@code returning} the generated key when there is one. */
    Statement insert(E entity) {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner placeholders = new StringJoiner(", ");
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            if (i != generated) {
                names.add(columns[i]);
                parameters.add(get(entity, i));
                placeholders.add("$" + parameters.size());
            }
        }
        String sql = "insert into " + table + " (" + names + ") values (" + placeholders + ")";
        return new Statement(generated < 0 ? sql : sql + " returning " + columns[generated], parameters);
    }

    /** Stores the key the database assigned on insert. */
    void assignKey(E entity, Row returned) {
        if (generated >= 0) {
            set(entity, generated, fromColumn(returned.getValue(0), fields[generated].getType()));
        }
    }

    /** The update of the columns whose values differ from {@code before}, or null when none does. */
    Statement update(E entity, Object[] before) {
        StringJoiner assignments = new StringJoiner(", ");
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            Object value = get(entity, i);
            if (!Objects.deepEquals(value, before[i])) {
                parameters.add(value);
                assignments.add(columns[i] + " = $" + parameters.size());
            }
        }
        if (parameters.isEmpty()) {
            return null;
        }
        int first = parameters.size() + 1;
        addKey(entity, parameters);
        return new Statement("update " + table + " set " + assignments + " where " + keyCondition(first), parameters);
    }

    Statement delete(E entity) {
        List<Object> parameters = new ArrayList<>();
        addKey(entity, parameters);
        return new Statement("delete from " + table + " where " + keyCondition(1), parameters);
    }

    private void addKey(E entity, List<Object> parameters) {
        for (int index : key) {
            parameters.add(get(entity, index));
        }
    }

    private String keyCondition(int firstPlaceholder) {
        StringJoiner condition = new StringJoiner(" and ");
        for (int k = 0; k < key.length; k++) {
            condition.add(columns[key[k]] + " = $" + (firstPlaceholder + k));
        }
        return condition.toString();
    }

    private Object get(E entity, int index) {
        try {
            return fields[index].get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private void set(E entity, int index, Object value) {
        try {
            fields[index].set(entity, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A statement and its parameters, as Java values (see {@link #tuple}). */
    record Statement(String sql, List<Object> parameters) {
        Tuple tuple() {
            return RowType.tuple(parameters.toArray());
        }
    }

    /**
     * Parameters as the PostgreSQL client takes them: instants as UTC timestamps, byte arrays as buffers, enum
     * constants by name, collections as arrays (for {@code = any($n)}).
     */
    public static Tuple tuple(Object... values) {
        Tuple tuple = Tuple.tuple();
        for (Object value : values) {
            tuple.addValue(toColumn(value));
        }
        return tuple;
    }

    private static Object toColumn(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof byte[] bytes) {
            return Buffer.buffer(bytes);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Collection<?> values) {
            Class<?> element = values.isEmpty() ? String.class : values.iterator().next().getClass();
            return values.toArray(size -> (Object[]) Array.newInstance(element, size));
        }
        return value;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    private static Object fromColumn(Object value, Class<?> target) {
        if (value == null) {
            return null;
        }
        if (target == Instant.class) {
            return value instanceof OffsetDateTime time ? time.toInstant()
                    : ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
        }
        if (target == byte[].class) {
            return value instanceof Buffer buffer ? buffer.getBytes() : value;
        }
        if (target.isEnum()) {
            return enumConstant(target, (String) value);
        }
        if (target == int.class || target == Integer.class) {
            return ((Number) value).intValue();
        }
        if (target == long.class || target == Long.class) {
            return ((Number) value).longValue();
        }
        return value;
    }
}
