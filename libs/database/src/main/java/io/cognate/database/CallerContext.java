package io.cognate.database;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Brings the answer of a call that completes on another thread (gRPC, the JDK's HTTP client, Kafka, a statement on a
 * connection of its own) back to the Vert.x context it was made from, where the caller's database session lives, so
 * the flow can go on with that session.
 */
public final class CallerContext {
    private CallerContext() {
    }

    /** Call on the caller's context; outside any Vert.x context the answer is left where it arrives. */
    public static <T> Uni<T> resumeOnCaller(Uni<T> call) {
        Context context = Vertx.currentContext();
        return context == null ? call : call.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
