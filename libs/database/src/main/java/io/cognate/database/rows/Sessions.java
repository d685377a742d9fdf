package io.cognate.database.rows;

import java.util.function.Supplier;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Where a unit of work's {@link Session} lives: on the Vert.x (duplicated) context the work runs on, so the
 * repositories it calls find it. A session or transaction opened inside another joins it; a transaction opened inside
 * a session without one begins it on the session's connection.
 */
public final class Sessions {
    private static final String KEY = Session.class.getName();

    private Sessions() {
    }

    /** The session of the work running on this context. */
    public static Session current() {
        Context context = Vertx.currentContext();
        Session session = context == null ? null : context.getLocal(KEY);
        if (session == null) {
            throw new IllegalStateException("no database session: run the work in Sessions.session or transaction");
        }
        return session;
    }

    /** {@code work} in a session: the rows it reads are read once; nothing it changes is written unless told. */
    public static <T> Uni<T> session(Pool pool, Supplier<Uni<T>> work) {
        return onDuplicatedContext(() -> {
            Context context = Vertx.currentContext();
            if (context.getLocal(KEY) != null) {
                return work.get();
            }
            Session session = new Session(pool);
            context.putLocal(KEY, session);
            return Uni.createFrom().deferred(work::get).eventually(() -> {
                context.removeLocal(KEY);
                return session.close();
            });
        });
    }

    /**
     * {@code work} in a transaction, committed with what it changed in the rows it read when its answer comes, rolled
     * back when it fails.
     */
    public static <T> Uni<T> transaction(Pool pool, Supplier<Uni<T>> work) {
        return session(pool, () -> {
            Session session = current();
            if (session.inTransaction()) {
                return work.get();
            }
            return session.begin().chain(work::get).call(session::flush).call(session::commit)
                    .onFailure().call(session::rollback);
        });
    }

    private static <T> Uni<T> onDuplicatedContext(Supplier<Uni<T>> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().failure(new IllegalStateException("database work needs a Vert.x context"));
        }
        if (VertxContext.isDuplicatedContext(context)) {
            return Uni.createFrom().deferred(work::get);
        }
        Context duplicate = VertxContext.createNewDuplicatedContext(context);
        return Uni.createFrom().emitter(emitter -> duplicate.runOnContext(ignored -> Uni.createFrom().deferred(work::get)
                .subscribe().with(emitter::complete, emitter::fail)));
    }
}
