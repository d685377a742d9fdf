package io.cognate.userpool.api.actions;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.awsjson.Json;
import io.cognate.userpool.api.ActionGroup;
import io.cognate.userpool.api.ActionRegistry;
import io.cognate.userpool.api.Params;
import io.cognate.userpool.api.wire.GroupJson;
import io.cognate.userpool.api.wire.Pages;
import io.cognate.userpool.api.wire.UserJson;
import io.cognate.userpool.service.GroupService;

/** Groups and memberships (IAM-authorized). */
@ApplicationScoped
public class GroupActions implements ActionGroup {
    private static final Pattern ROLE_ARN = Pattern
            .compile("arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?");

    private final GroupService groups;

    public GroupActions(GroupService groups) {
        this.groups = groups;
    }

    record Group(String poolId, String name, GroupService.GroupFields fields) {
    }

    record Membership(String poolId, String username, String groupName) {
    }

    /** A listing of what {@code of} names. */
    record Listed<T>(T of, Keys.Listing listing) {
        Listed(T of, Params p) {
            this(of, Keys.Listing.of(null, p, "Limit", "NextToken"));
        }
    }

    @Override
    public void register(ActionRegistry registry) {
        registry.iam("CreateGroup", GroupActions::group, g -> groups.create(g.poolId(), g.name(), g.fields()),
                g -> Json.wrap("Group", GroupJson.groupType(g)));
        registry.iam("GetGroup", GroupActions::named, g -> groups.get(g.poolId(), g.name()),
                g -> Json.wrap("Group", GroupJson.groupType(g)));
        registry.iam("UpdateGroup", GroupActions::group, g -> groups.update(g.poolId(), g.name(), g.fields()),
                g -> Json.wrap("Group", GroupJson.groupType(g)));
        registry.iam("DeleteGroup", GroupActions::named, g -> groups.delete(g.poolId(), g.name()), Json::empty);
        registry.iam("ListGroups", p -> Keys.Listing.of(p.userPoolId(), p, "Limit", "NextToken"),
                l -> groups.list(l.owner(), l.limit(), l.nextToken()),
                page -> Pages.write(page, "Groups", "NextToken", GroupJson::groupType));
        registry.iam("AdminAddUserToGroup", GroupActions::membership,
                m -> groups.addUser(m.poolId(), m.username(), m.groupName()), Json::empty);
        registry.iam("AdminRemoveUserFromGroup", GroupActions::membership,
                m -> groups.removeUser(m.poolId(), m.username(), m.groupName()), Json::empty);
        registry.iam("AdminListGroupsForUser", p -> new Listed<>(Keys.PoolUser.of(p), p),
                r -> groups.groupsForUser(r.of().poolId(), r.of().username(), r.listing().limit(),
                        r.listing().nextToken()),
                page -> Pages.write(page, "Groups", "NextToken", GroupJson::groupType));
        registry.iam("ListUsersInGroup", p -> new Listed<>(named(p), p),
                r -> groups.usersInGroup(r.of().poolId(), r.of().name(), r.listing().limit(), r.listing().nextToken()),
                page -> Pages.write(page, "Users", "NextToken", user -> UserJson.userType(user, List.of())));
    }

    private static Group named(Params p) {
        return new Group(p.userPoolId(), groupName(p), null);
    }

    private static Group group(Params p) {
        String poolId = p.userPoolId();
        String name = groupName(p);
        return new Group(poolId, name, new GroupService.GroupFields(p.optional("Description", 0, 2048),
                p.optional("RoleArn", 20, 2048, ROLE_ARN), p.optionalInt("Precedence", 0, Integer.MAX_VALUE)));
    }

    private static Membership membership(Params p) {
        Keys.PoolUser user = Keys.PoolUser.of(p);
        return new Membership(user.poolId(), user.username(), groupName(p));
    }

    private static String groupName(Params p) {
        return p.required("GroupName", 1, 128, Params.NAME);
    }
}
