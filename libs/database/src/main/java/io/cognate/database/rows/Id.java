package io.cognate.database.rows;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A column of the row's primary key (several for a composite key). {@code generated}: the database assigns it on
 * insert (a bigserial), so an insert leaves it out and reads it back.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Id {
    boolean generated() default false;
}
