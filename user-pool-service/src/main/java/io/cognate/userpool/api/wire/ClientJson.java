package io.cognate.userpool.api.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.Json;
import io.cognate.userpool.repository.AppClientEntity;
import io.cognate.userpool.repository.ClientSettingsJson;
import io.cognate.userpool.service.AppClient;

/** App clients as Cognito's answers show them. */
public final class ClientJson {
    private ClientJson() {
    }

    /** UserPoolClientType: the settings, ids, name, dates and the secret when the client has one. */
    public static ObjectNode describe(AppClient client) {
        AppClientEntity entity = client.entity();
        ObjectNode description = ClientSettingsJson.describe(client.settings());
        description.put("UserPoolId", entity.poolId).put("ClientName", entity.clientName).put("ClientId", entity.clientId)
                .put("LastModifiedDate", Json.epochSeconds(entity.updatedAt))
                .put("CreationDate", Json.epochSeconds(entity.createdAt));
        if (client.secret() != null) {
            description.put("ClientSecret", client.secret());
        }
        return Json.wrap("UserPoolClient", description);
    }

    /** UserPoolClientDescription, as ListUserPoolClients lists clients. */
    public static ObjectNode listed(AppClientEntity entity) {
        return Json.object().put("ClientId", entity.clientId).put("UserPoolId", entity.poolId)
                .put("ClientName", entity.clientName);
    }
}
