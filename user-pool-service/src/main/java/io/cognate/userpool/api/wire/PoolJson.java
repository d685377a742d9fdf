package io.cognate.userpool.api.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.Json;
import io.cognate.userpool.repository.PoolSettingsJson;
import io.cognate.userpool.repository.UserPoolEntity;
import io.cognate.userpool.service.UserPool;
import io.cognate.userpool.service.UserPoolService;

/** User pools as Cognito's answers show them. */
public final class PoolJson {
    private PoolJson() {
    }

    /** UserPoolType: the pool's stored description, its ids, ARN, dates and user count. */
    public static ObjectNode describe(UserPoolService.Description description, String region, String accountId) {
        UserPoolEntity entity = description.pool().entity();
        ObjectNode pool = PoolSettingsJson.write(description.pool().settings());
        pool.put("Id", entity.id).put("Name", entity.name)
                .put("Arn", "arn:aws:cognito-idp:" + region + ":" + accountId + ":userpool/" + entity.id)
                .put("CreationDate", Json.epochSeconds(entity.createdAt))
                .put("LastModifiedDate", Json.epochSeconds(entity.updatedAt))
                .put("EstimatedNumberOfUsers", description.estimatedUsers());
        if (description.domain() != null) {
            pool.put("Domain", description.domain());
        }
        if (description.customDomain() != null) {
            pool.put("CustomDomain", description.customDomain());
        }
        return Json.wrap("UserPool", pool);
    }

    /** UserPoolDescriptionType, as ListUserPools lists pools. */
    public static ObjectNode listed(UserPoolEntity entity) {
        ObjectNode node = Json.object().put("Id", entity.id).put("Name", entity.name);
        node.putObject("LambdaConfig");
        return node.put("LastModifiedDate", Json.epochSeconds(entity.updatedAt))
                .put("CreationDate", Json.epochSeconds(entity.createdAt));
    }

    /** GetUserPoolMfaConfig and SetUserPoolMfaConfig's answer. */
    public static ObjectNode mfaConfig(UserPool pool) {
        ObjectNode response = Json.object();
        response.putObject("SoftwareTokenMfaConfiguration").put("Enabled",
                Boolean.TRUE.equals(pool.settings().mfa().softwareToken()));
        ObjectNode methods = Json.object();
        PoolSettingsJson.writeMfa(methods, pool.settings().mfa());
        methods.remove("SoftwareTokenMfaConfiguration");
        response.setAll(methods);
        return response.put("MfaConfiguration", pool.mfaConfiguration());
    }

    /** RiskConfigurationType of a pool (no client's). */
    public static ObjectNode riskConfig(UserPool pool) {
        ObjectNode risk = Json.object().put("UserPoolId", pool.id());
        if (pool.settings().risk() != null) {
            PoolSettingsJson.writeRisk(risk, pool.settings().risk());
        }
        return Json.wrap("RiskConfiguration", risk);
    }
}
