package io.cognate.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.sqlclient.DatabaseException;

class OutagesTest {

    @Test
    void refusedLostOrRecoveringIsAnOutage() {
        assertTrue(Outages.isDatabaseOutage(new ConnectException("Connection refused")));
        assertTrue(Outages.isDatabaseOutage(new SocketException("Connection reset")));
        assertTrue(Outages.isDatabaseOutage(new CompletionException(new NoStackTraceThrowable(
                "Connection is not active now, current status: CLOSED"))));
        assertTrue(Outages.isDatabaseOutage(sqlState("57P03")));
    }

    @Test
    void poolClosedUnderAScheduledJobIsAnOutage() {
        assertTrue(Outages.isDatabaseOutage(new CompletionException(new NoStackTraceThrowable("Pool closed"))));
    }

    @Test
    void anythingElseIsNot() {
        assertFalse(Outages.isDatabaseOutage(new IllegalStateException("boom")));
        assertFalse(Outages.isDatabaseOutage(sqlState("23505")));
        assertFalse(Outages.isDatabaseOutage(new CompletionException(null)));
    }

    private static DatabaseException sqlState(String state) {
        return new DatabaseException("SQLSTATE " + state, 0, state) {
        };
    }
}
