package io.cognate.userpool.api.actions;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.Json;
import io.cognate.contracts.trigger.v1.FunctionMapping;
import io.cognate.userpool.api.ActionGroup;
import io.cognate.userpool.api.ActionRegistry;
import io.cognate.userpool.grpc.FunctionMapClient;

/**
 * Cognate's admin API of trigger-gateway's function map ({@code X-Amz-Target: CognateTriggerGateway.<Action>}, SigV4
 * with the deployment's credentials): where the handler of a function that a LambdaConfig names runs — an HTTP
 * endpoint of the Lambda Invoke API, or {@code kafka} for the user's own consumer. Cognito has no such action (the
 * functions live in AWS Lambda); the mapping is by function name, or by full ARN before the name.
 */
@ApplicationScoped
public class TriggerFunctionActions implements ActionGroup {
    static final String PREFIX = "CognateTriggerGateway.";

    private final FunctionMapClient map;

    public TriggerFunctionActions(FunctionMapClient map) {
        this.map = map;
    }

    record PutFunction(String function, String target) {
    }

    @Override
    public void register(ActionRegistry registry) {
        registry.iam(PREFIX + "PutFunction", p -> new PutFunction(p.required("FunctionName", 1, 170),
                p.required("Target", 1, 2048)), put -> map.put(put.function(), put.target()),
                mapping -> Json.wrap("Function", mapping(mapping)));
        registry.iam(PREFIX + "DeleteFunction", p -> p.required("FunctionName", 1, 170), map::delete,
                Json::empty);
        registry.iam(PREFIX + "ListFunctions", p -> p, listed -> map.list(), listed -> {
            ArrayNode functions = Json.array();
            listed.getFunctionsList().forEach(mapping -> functions.add(mapping(mapping)));
            ObjectNode answer = Json.object();
            answer.set("Functions", functions);
            return answer.put("DefaultTarget", listed.getDefaultTarget());
        });
    }

    private static ObjectNode mapping(FunctionMapping mapping) {
        return Json.object().put("FunctionName", mapping.getFunction()).put("Target", mapping.getTarget())
                .put("Source", mapping.getSource().name());
    }
}
