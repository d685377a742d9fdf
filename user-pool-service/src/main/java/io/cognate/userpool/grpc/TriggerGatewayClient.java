package io.cognate.userpool.grpc;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.cognate.contracts.trigger.v1.InvokeRequest;
import io.cognate.contracts.trigger.v1.InvokeResponse;
import io.cognate.contracts.trigger.v1.TriggerGateway;
import io.cognate.database.CallerContext;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * trigger-gateway over gRPC. An invocation may take three attempts of five seconds; a gateway that cannot be asked is
 * a {@link TriggerGatewayUnavailableException}. Answers come back on the caller's Vert.x context.
 */
@ApplicationScoped
public class TriggerGatewayClient {
    private static final Logger LOG = Logger.getLogger(TriggerGatewayClient.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    @GrpcClient("triggers")
    TriggerGateway gateway;

    public Uni<InvokeResponse> invoke(InvokeRequest request) {
        return CallerContext.resumeOnCaller(gateway.invoke(request).ifNoItem().after(CALL_TIMEOUT)
                .failWith(() -> Status.DEADLINE_EXCEEDED.asRuntimeException()).onFailure().transform(failure -> {
                    LOG.warnf("trigger-gateway call failed: %s", Status.fromThrowable(failure).getCode());
                    return new TriggerGatewayUnavailableException(Status.fromThrowable(failure).getCode().name());
                }));
    }
}
