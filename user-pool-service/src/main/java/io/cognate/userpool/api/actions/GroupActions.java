package io.cognate.userpool.api.actions;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.api.ActionGroup;
import io.cognate.userpool.api.ActionRegistry;
import io.cognate.userpool.api.Json;
import io.cognate.userpool.api.Params;
import io.cognate.userpool.service.GroupService;

/** Groups and memberships (IAM-authorized). */
@ApplicationScoped
public class GroupActions implements ActionGroup {
    private final GroupService groups;

    public GroupActions(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public void register(ActionRegistry registry) {
        registry.iam("CreateGroup", groups::create);
        registry.iam("GetGroup", r -> groups.get(r.userPoolId(), groupName(r)));
        registry.iam("UpdateGroup", groups::update);
        registry.iam("DeleteGroup", r -> groups.delete(r.userPoolId(), groupName(r)).map(v -> Json.object()));
        registry.iam("ListGroups",
                r -> groups.list(r.userPoolId(), r.optionalInt("Limit", 0, 60), r.optional("NextToken", 1, 4096)));
        registry.iam("AdminAddUserToGroup",
                r -> groups.addUser(r.userPoolId(), r.username(), groupName(r)).map(v -> Json.object()));
        registry.iam("AdminRemoveUserFromGroup",
                r -> groups.removeUser(r.userPoolId(), r.username(), groupName(r)).map(v -> Json.object()));
        registry.iam("AdminListGroupsForUser", r -> groups.groupsForUser(r.userPoolId(), r.username(),
                r.optionalInt("Limit", 0, 60), r.optional("NextToken", 1, 4096)));
        registry.iam("ListUsersInGroup", r -> groups.usersInGroup(r.userPoolId(), groupName(r),
                r.optionalInt("Limit", 0, 60), r.optional("NextToken", 1, 4096)));
    }

    private static String groupName(Params request) {
        return request.required("GroupName", 1, 128, Params.NAME);
    }
}
