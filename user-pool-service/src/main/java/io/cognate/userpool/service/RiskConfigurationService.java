package io.cognate.userpool.service;

import static io.cognate.userpool.api.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.api.CognitoError.USER_POOL_ADD_ON_NOT_ENABLED;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Json;
import io.cognate.userpool.api.Params;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * SetRiskConfiguration / DescribeRiskConfiguration for threat protection's compromised-credentials check, per user
 * pool: which events (SIGN_UP, PASSWORD_CHANGE) refuse a password from the leaked-password list. Without a
 * configuration an ENFORCED pool blocks on every event, as Cognito's defaults do. Account-takeover protection, IP
 * exceptions and per-client configurations are refused rather than stored unused.
 */
@ApplicationScoped
public class RiskConfigurationService {
    private static final List<String> EVENTS = List.of("SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP");

    private final UserPoolService pools;

    public RiskConfigurationService(UserPoolService pools) {
        this.pools = pools;
    }

    public Uni<ObjectNode> set(Params request) {
        String poolId = request.userPoolId();
        refuseUnsupported(request);
        Params compromised = request.nested("CompromisedCredentialsRiskConfiguration");
        ObjectNode configuration = compromised == null ? null : compromisedCredentials(compromised);
        return pools.changeSettings(poolId, pool -> {
            requireThreatProtection(pool);
            ObjectNode settings = pool.settings().deepCopy();
            if (configuration == null) {
                settings.remove("RiskConfiguration");
            } else {
                ObjectNode risk = settings.putObject("RiskConfiguration");
                risk.set("CompromisedCredentialsRiskConfiguration", configuration);
                risk.put("LastModifiedDate", Json.epochSeconds(Instant.now()));
            }
            return settings;
        }).map(RiskConfigurationService::describe);
    }

    public Uni<ObjectNode> describe(Params request) {
        String poolId = request.userPoolId();
        if (request.optional("ClientId", 1, 128, Params.CLIENT_ID) != null) {
            throw INVALID_PARAMETER.withMessage("Risk configurations per app client are not supported by this "
                    + "deployment yet; describe the user pool's.");
        }
        return Panache.withSession(() -> pools.require(poolId)).map(RiskConfigurationService::describe);
    }

    private static ObjectNode describe(UserPool pool) {
        ObjectNode response = Json.object();
        ObjectNode risk = response.putObject("RiskConfiguration").put("UserPoolId", pool.id());
        var stored = pool.settings().path("RiskConfiguration");
        if (stored.has("CompromisedCredentialsRiskConfiguration")) {
            risk.set("CompromisedCredentialsRiskConfiguration", stored.get("CompromisedCredentialsRiskConfiguration"));
            risk.set("LastModifiedDate", stored.get("LastModifiedDate"));
        }
        return response;
    }

    private static ObjectNode compromisedCredentials(Params config) {
        Params actions = config.nested("Actions");
        String action = actions == null ? null : actions.optionalEnum("EventAction", List.of("BLOCK", "NO_ACTION"));
        if (action == null) {
            throw INVALID_PARAMETER.withMessage("1 validation error detected: Value at "
                    + "'compromisedCredentialsRiskConfiguration.actions.eventAction' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        ObjectNode node = Json.object();
        List<String> filter = config.stringList("EventFilter");
        if (filter != null) {
            ArrayNode events = node.putArray("EventFilter");
            for (String event : filter) {
                if (!EVENTS.contains(event)) {
                    throw INVALID_PARAMETER.withMessage("EventFilter values must be SIGN_IN, PASSWORD_CHANGE or SIGN_UP.");
                }
                events.add(event);
            }
        }
        node.putObject("Actions").put("EventAction", action);
        return node;
    }

    private static void refuseUnsupported(Params request) {
        if (request.optional("ClientId", 1, 128, Params.CLIENT_ID) != null) {
            throw INVALID_PARAMETER.withMessage("Risk configurations per app client are not supported by this "
                    + "deployment yet; set the user pool's.");
        }
        for (String field : List.of("AccountTakeoverRiskConfiguration", "RiskExceptionConfiguration")) {
            if (request.has(field)) {
                throw INVALID_PARAMETER.withMessage("%s is not supported by this deployment yet.", field);
            }
        }
    }

    private static void requireThreatProtection(UserPool pool) {
        String mode = pool.settings().path("UserPoolAddOns").path("AdvancedSecurityMode").asText("OFF");
        if ("OFF".equals(mode)) {
            throw USER_POOL_ADD_ON_NOT_ENABLED.withMessage("Threat protection (UserPoolAddOns.AdvancedSecurityMode) "
                    + "is not enabled for this user pool.");
        }
    }
}
