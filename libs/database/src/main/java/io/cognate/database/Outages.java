package io.cognate.database;

import java.net.SocketException;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/**
 * Tells PostgreSQL being unreachable (refused, lost, shutting down, starting up or recovering from a crash, or this
 * service's pool closed as it stops) from every other failure: the services answer it as InternalErrorException "try
 * again" and log one line, not a stack trace per request while it lasts.
 */
public final class Outages {
    private Outages() {
    }

    /** Whether {@code failure}, or a cause of it, is the database being unreachable. */
    public static boolean isDatabaseOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SocketException || cause instanceof ClosedConnectionException) { // refused, reset
                return true;
            }
            // A connection the pool handed out that died before the next command, or the pool itself closed under a
            // scheduled job as the service stops (Vert.x says both with no type).
            if (cause.getMessage() != null && (cause.getMessage().startsWith("Connection is not active now")
                    || cause.getMessage().equals("Pool closed"))) {
                return true;
            }
            // SQLSTATE class 08 (connection exception) and 57P (operator intervention: shutdown, crash recovery,
            // cannot connect now).
            if (cause instanceof DatabaseException database && database.getSqlState() != null
                    && (database.getSqlState().startsWith("08") || database.getSqlState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
