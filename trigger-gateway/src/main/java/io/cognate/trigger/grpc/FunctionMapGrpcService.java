package io.cognate.trigger.grpc;

import io.cognate.contracts.trigger.v1.DeleteFunctionRequest;
import io.cognate.contracts.trigger.v1.DeleteFunctionResponse;
import io.cognate.contracts.trigger.v1.FunctionMap;
import io.cognate.contracts.trigger.v1.FunctionMapping;
import io.cognate.contracts.trigger.v1.ListFunctionsRequest;
import io.cognate.contracts.trigger.v1.ListFunctionsResponse;
import io.cognate.contracts.trigger.v1.PutFunctionRequest;
import io.cognate.trigger.functions.FunctionTarget;
import io.cognate.trigger.functions.FunctionTargets;
import io.cognate.trigger.functions.MappedFunctions;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** The gRPC face of the function map (cognate.trigger.v1.FunctionMap), called by the admin API's edge. */
@GrpcService
public class FunctionMapGrpcService implements FunctionMap {
    private final FunctionTargets targets;
    private final MappedFunctions mapped;

    public FunctionMapGrpcService(FunctionTargets targets, MappedFunctions mapped) {
        this.targets = targets;
        this.mapped = mapped;
    }

    @Override
    public Uni<FunctionMapping> putFunction(PutFunctionRequest request) {
        String function = function(request.getFunction());
        FunctionTarget target;
        try {
            target = FunctionTarget.parse(request.getTarget());
        } catch (IllegalArgumentException e) {
            throw invalid("Target must be kafka, aws, or an http or https URL.");
        }
        return mapped.put(function, target).onFailure().transform(FunctionMapGrpcService::unavailable)
                .map(done -> mapping(function, target, FunctionMapping.Source.API));
    }

    @Override
    public Uni<DeleteFunctionResponse> deleteFunction(DeleteFunctionRequest request) {
        String function = function(request.getFunction());
        if (mapped.get(function).isEmpty()) {
            throw Status.NOT_FOUND.withDescription("No mapping of " + function + " was set through the API.")
                    .asRuntimeException();
        }
        return mapped.remove(function).onFailure().transform(FunctionMapGrpcService::unavailable)
                .map(done -> DeleteFunctionResponse.getDefaultInstance());
    }

    @Override
    public Uni<ListFunctionsResponse> listFunctions(ListFunctionsRequest request) {
        ListFunctionsResponse.Builder answer = ListFunctionsResponse.newBuilder()
                .setDefaultTarget(targets.defaultTarget("{function}"));
        targets.all().forEach(mapping -> answer.addFunctions(mapping(mapping.function(), mapping.target(),
                mapping.source() == FunctionTargets.Source.API ? FunctionMapping.Source.API
                        : FunctionMapping.Source.CONFIGURATION)));
        return Uni.createFrom().item(answer.build());
    }

    private static String function(String function) {
        if (!FunctionTargets.isFunction(function)) {
            throw invalid("FunctionName must be a function name or a Lambda function ARN.");
        }
        return function;
    }

    private static FunctionMapping mapping(String function, FunctionTarget target, FunctionMapping.Source source) {
        return FunctionMapping.newBuilder().setFunction(function).setTarget(target.toString()).setSource(source)
                .build();
    }

    private static RuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }

    private static Throwable unavailable(Throwable failure) {
        return Status.UNAVAILABLE.withDescription("The function map cannot be written now; try again.")
                .asRuntimeException();
    }
}
