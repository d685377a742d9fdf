package io.cognate.database.rows;

import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/** For the services' unit tests: work runs as it is, with no database session or transaction around it. */
public final class InlineTransactions extends Transactions {
    public InlineTransactions() {
        super(null);
    }

    @Override
    public <T> Uni<T> session(Supplier<Uni<T>> work) {
        return work.get();
    }

    @Override
    public <T> Uni<T> transaction(Supplier<Uni<T>> work) {
        return work.get();
    }
}
