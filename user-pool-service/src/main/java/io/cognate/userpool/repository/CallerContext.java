package io.cognate.userpool.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Brings the answer of a call made outside the database session (gRPC, a statement on a connection of its own) back
 * to the Vert.x context it was made from, so the flow can go on with its session there.
 */
public final class CallerContext {
    private CallerContext() {
    }

    /** Call on the caller's context; outside any Vert.x context the answer is left where it arrives. */
    public static <T> Uni<T> resumeOnCaller(Uni<T> call) {
        Context context = Vertx.currentContext();
        return context == null ? call : call.emitOn(task -> context.runOnContext(v -> task.run()));
    }
}
