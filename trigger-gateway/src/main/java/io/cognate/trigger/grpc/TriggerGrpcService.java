package io.cognate.trigger.grpc;

import io.cognate.contracts.trigger.v1.Failure;
import io.cognate.contracts.trigger.v1.InvokeRequest;
import io.cognate.contracts.trigger.v1.InvokeResponse;
import io.cognate.contracts.trigger.v1.TriggerGateway;
import io.cognate.trigger.invoke.Invocation;
import io.cognate.trigger.invoke.LambdaInvoker;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** The gRPC face of trigger-gateway (cognate.trigger.v1.TriggerGateway), called by user-pool-service. */
@GrpcService
public class TriggerGrpcService implements TriggerGateway {
    private final LambdaInvoker invoker;

    public TriggerGrpcService(LambdaInvoker invoker) {
        this.invoker = invoker;
    }

    @Override
    public Uni<InvokeResponse> invoke(InvokeRequest request) {
        if (request.getTrigger().isEmpty() || request.getFunctionArn().isEmpty() || request.getEventJson().isEmpty()) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT
                    .withDescription("trigger, function_arn and event_json are required").asRuntimeException());
        }
        return invoker.invoke(request.getUserPoolId(), request.getTrigger(), request.getFunctionArn(),
                request.getEventJson(), false)
                .map(TriggerGrpcService::response);
    }

    private static InvokeResponse response(Invocation invocation) {
        if (invocation instanceof Invocation.Answered answered) {
            return InvokeResponse.newBuilder().setEventJson(answered.eventJson()).build();
        }
        Invocation.Failed failed = (Invocation.Failed) invocation;
        Failure.Kind kind = switch (failed.kind()) {
            case HANDLER_ERROR -> Failure.Kind.USER_LAMBDA_VALIDATION;
            case NOT_RUN -> Failure.Kind.UNEXPECTED_LAMBDA;
            case INVALID_RESPONSE -> Failure.Kind.INVALID_LAMBDA_RESPONSE;
        };
        return InvokeResponse.newBuilder().setFailure(Failure.newBuilder().setKind(kind).setMessage(failed.message()))
                .build();
    }
}
