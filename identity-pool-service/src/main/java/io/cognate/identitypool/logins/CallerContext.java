package io.cognate.identitypool.logins;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Brings an answer that completes on another thread (the JDK's HTTP client, gRPC) back to the caller's Vert.x
 * context, where its database session lives.
 */
final class CallerContext {
    private CallerContext() {
    }

    static <T> Uni<T> resumeOnCaller(Uni<T> uni) {
        Context caller = Vertx.currentContext();
        if (caller == null) {
            return uni;
        }
        return uni.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }
}
