package io.cognate.userpool.repository;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Where a flow's work runs: in a Hibernate Reactive session, or in a transaction (which joins one already open). The
 * flows ask for it here rather than calling Panache, so their unit tests can run them without a database.
 */
@ApplicationScoped
public class Transactions {

    public <T> Uni<T> session(Supplier<Uni<T>> work) {
        return Panache.withSession(work);
    }

    /**
     * {@code work} in a transaction, begun when the answer is subscribed to: Hibernate Reactive begins a transaction
     * of the current session as soon as its Uni is made, so a Uni made but never run (a flow that failed before it)
     * would leave the transaction open.
     */
    public <T> Uni<T> transaction(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(work));
    }
}
