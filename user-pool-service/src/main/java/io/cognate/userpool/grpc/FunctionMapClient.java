package io.cognate.userpool.grpc;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.trigger.v1.DeleteFunctionRequest;
import io.cognate.contracts.trigger.v1.DeleteFunctionResponse;
import io.cognate.contracts.trigger.v1.FunctionMap;
import io.cognate.contracts.trigger.v1.FunctionMapping;
import io.cognate.contracts.trigger.v1.ListFunctionsRequest;
import io.cognate.contracts.trigger.v1.ListFunctionsResponse;
import io.cognate.contracts.trigger.v1.PutFunctionRequest;
import io.cognate.database.CallerContext;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/** trigger-gateway's function map over gRPC; its refusals and its absence are {@link FunctionMapException}s. */
@ApplicationScoped
public class FunctionMapClient {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    @GrpcClient("triggers")
    FunctionMap map;

    public Uni<FunctionMapping> put(String function, String target) {
        return call(map.putFunction(PutFunctionRequest.newBuilder().setFunction(function).setTarget(target).build()));
    }

    public Uni<DeleteFunctionResponse> delete(String function) {
        return call(map.deleteFunction(DeleteFunctionRequest.newBuilder().setFunction(function).build()));
    }

    public Uni<ListFunctionsResponse> list() {
        return call(map.listFunctions(ListFunctionsRequest.getDefaultInstance()));
    }

    private static <T> Uni<T> call(Uni<T> call) {
        return CallerContext.resumeOnCaller(call.ifNoItem().after(CALL_TIMEOUT)
                .failWith(() -> Status.DEADLINE_EXCEEDED.asRuntimeException()).onFailure()
                .transform(FunctionMapClient::refusal));
    }

    private static FunctionMapException refusal(Throwable failure) {
        Status status = Status.fromThrowable(failure);
        return switch (status.getCode()) {
            case INVALID_ARGUMENT -> new FunctionMapException(FunctionMapException.Kind.INVALID,
                    status.getDescription());
            case NOT_FOUND -> new FunctionMapException(FunctionMapException.Kind.NOT_FOUND, status.getDescription());
            default -> new FunctionMapException(FunctionMapException.Kind.UNAVAILABLE,
                    "trigger-gateway's function map is unavailable; try again.");
        };
    }
}
