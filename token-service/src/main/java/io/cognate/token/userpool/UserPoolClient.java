package io.cognate.token.userpool;

import java.time.Duration;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.cognate.contracts.userpool.v1.HostedUi;
import io.cognate.database.CallerContext;
import io.grpc.Metadata;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * user-pool-service's HostedUi over gRPC: {@link #call} runs one call with a deadline and turns its failure into a
 * {@link UserPoolException}; answers come back on the caller's Vert.x context.
 */
@ApplicationScoped
public class UserPoolClient {
    private static final Logger LOG = Logger.getLogger(UserPoolClient.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Metadata.Key<String> ERROR_TYPE = Metadata.Key.of("cognito-error",
            Metadata.ASCII_STRING_MARSHALLER);

    @GrpcClient("userpool")
    HostedUi hostedUi;

    public <T> Uni<T> call(Function<HostedUi, Uni<T>> rpc) {
        return CallerContext.resumeOnCaller(rpc.apply(hostedUi).ifNoItem().after(CALL_TIMEOUT)
                .failWith(() -> Status.DEADLINE_EXCEEDED.asRuntimeException())
                .onFailure().transform(UserPoolClient::failure));
    }

    private static Throwable failure(Throwable failure) {
        Status status = Status.fromThrowable(failure);
        String description = status.getDescription() == null ? "" : status.getDescription();
        Metadata trailers = Status.trailersFromThrowable(failure);
        return switch (status.getCode()) {
            case FAILED_PRECONDITION -> new UserPoolException(UserPoolException.Kind.REFUSED,
                    trailers == null || trailers.get(ERROR_TYPE) == null ? "" : trailers.get(ERROR_TYPE), description);
            case NOT_FOUND -> new UserPoolException(UserPoolException.Kind.NOT_FOUND, "", description);
            default -> {
                LOG.warnf("user-pool-service call failed: %s", status.getCode());
                yield new UserPoolException(UserPoolException.Kind.UNAVAILABLE, "", status.getCode().name());
            }
        };
    }
}
