package io.cognate.userpool.service;

/** Recognises database failures that are the caller's doing rather than ours. */
public final class Failures {
    private Failures() {
    }

    /** A unique-constraint violation (SQLSTATE 23505): two requests raced to create the same thing. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
