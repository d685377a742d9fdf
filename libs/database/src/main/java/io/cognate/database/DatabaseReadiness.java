package io.cognate.database;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A service is ready while PostgreSQL answers: a connection taken and {@code select 1} answered within 3 s. It stands
 * in for Quarkus' datasource check ({@code quarkus.datasource.health.enabled=false}), which queries the pool itself: a
 * query that fails on that path leaves the pool's 30 s acquisition timer armed, and the timer then fails a completed
 * promise, an uncaught exception logged for every probe of a database outage (eclipse-vertx/vertx-sql-client#1706).
 * Kafka is not part of readiness: events wait in the outbox. A bean in every service that indexes this library.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements AsyncHealthCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Pool pool;

    public DatabaseReadiness(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.withConnection(connection -> connection.query("select 1").execute()).ifNoItem().after(TIMEOUT)
                .fail().map(rows -> HealthCheckResponse.up("database")).onFailure()
                .recoverWithItem(failure -> HealthCheckResponse.named("database").down()
                        .withData("failure", failure.getClass().getSimpleName())
                        .build());
    }
}
