package io.cognate.database;

import java.sql.SQLException;

import io.vertx.sqlclient.DatabaseException;

/**
 * Tells a value PostgreSQL cannot hold in a text column (U+0000, or a byte sequence that is not UTF-8) from every
 * other failure: a caller's input, so the services answer it as an invalid parameter, never as an internal error.
 */
public final class UnstorableText {
    /** SQLSTATE 22021 character_not_in_repertoire (what U+0000 in a parameter raises) and 22P05 untranslatable. */
    private static final String NOT_IN_REPERTOIRE = "22021";
    private static final String UNTRANSLATABLE = "22P05";

    private UnstorableText() {
    }

    /** Whether {@code failure}, or a cause of it, is PostgreSQL refusing a text value's characters. */
    public static boolean isUnstorableText(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String state = cause instanceof DatabaseException database ? database.getSqlState()
                    : cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (NOT_IN_REPERTOIRE.equals(state) || UNTRANSLATABLE.equals(state)) {
                return true;
            }
        }
        return false;
    }

    /** The message the services answer it with. */
    public static String message() {
        return "A value holds a character that cannot be stored (U+0000 or an invalid byte sequence).";
    }
}
