package io.cognate.userpool.api.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.Json;
import io.cognate.userpool.repository.GroupEntity;

/** Groups as Cognito's GroupType shows them. */
public final class GroupJson {
    private GroupJson() {
    }

    public static ObjectNode groupType(GroupEntity group) {
        ObjectNode node = Json.object().put("GroupName", group.groupName).put("UserPoolId", group.poolId);
        if (group.description != null) {
            node.put("Description", group.description);
        }
        if (group.roleArn != null) {
            node.put("RoleArn", group.roleArn);
        }
        if (group.precedence != null) {
            node.put("Precedence", group.precedence);
        }
        return node.put("LastModifiedDate", Json.epochSeconds(group.updatedAt))
                .put("CreationDate", Json.epochSeconds(group.createdAt));
    }
}
