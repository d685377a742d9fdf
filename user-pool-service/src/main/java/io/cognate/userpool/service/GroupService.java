package io.cognate.userpool.service;

import static io.cognate.userpool.api.CognitoError.GROUP_EXISTS;
import static io.cognate.userpool.api.CognitoError.RESOURCE_NOT_FOUND;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Json;
import io.cognate.userpool.api.Params;
import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.repository.GroupEntity;
import io.cognate.userpool.repository.GroupMemberEntity;
import io.cognate.userpool.repository.GroupMemberRepository;
import io.cognate.userpool.repository.GroupRepository;
import io.cognate.userpool.repository.UserEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Groups and memberships; a group's precedence and role reach the tokens of its members. */
@ApplicationScoped
public class GroupService {
    private static final Pattern ROLE_ARN = Pattern
            .compile("arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?");

    private final UserPoolService pools;
    private final UserAdminService admin;
    private final GroupRepository groups;
    private final GroupMemberRepository members;
    private final Outbox outbox;

    public GroupService(UserPoolService pools, UserAdminService admin, GroupRepository groups,
            GroupMemberRepository members, Outbox outbox) {
        this.pools = pools;
        this.admin = admin;
        this.groups = groups;
        this.members = members;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<ObjectNode> create(Params request) {
        String poolId = request.userPoolId();
        String name = request.required("GroupName", 1, 128, Params.NAME);
        GroupEntity group = new GroupEntity();
        group.id = UUID.randomUUID();
        group.poolId = poolId;
        group.groupName = name;
        apply(request, group);
        group.createdAt = Instant.now();
        group.updatedAt = group.createdAt;
        return pools.require(poolId).chain(pool -> groups.findByName(poolId, name)).chain(existing -> {
            if (existing != null) {
                throw GROUP_EXISTS.withMessage("A group with the name %s already exists.", name);
            }
            return groups.persist(group);
        }).map(saved -> (ObjectNode) Json.object().set("Group", view(saved)));
    }

    @WithSession
    public Uni<ObjectNode> get(String poolId, String name) {
        return require(poolId, name).map(group -> (ObjectNode) Json.object().set("Group", view(group)));
    }

    @WithTransaction
    public Uni<ObjectNode> update(Params request) {
        String poolId = request.userPoolId();
        String name = request.required("GroupName", 1, 128, Params.NAME);
        return require(poolId, name).chain(group -> {
            apply(request, group);
            group.updatedAt = Instant.now();
            return groups.persist(group);
        }).map(group -> (ObjectNode) Json.object().set("Group", view(group)));
    }

    @WithTransaction
    public Uni<Void> delete(String poolId, String name) {
        return require(poolId, name).chain(groups::delete);
    }

    @WithSession
    public Uni<ObjectNode> list(String poolId, Integer limit, String nextToken) {
        int pageSize = limit == null || limit == 0 ? 60 : limit;
        String after = PageTokens.decode(nextToken);
        return pools.require(poolId).chain(pool -> groups.page(poolId, after, pageSize + 1))
                .map(page -> page(page, pageSize, "Groups", g -> g.groupName));
    }

    @WithTransaction
    public Uni<Void> addUser(String poolId, String username, String groupName) {
        return membership(poolId, username, groupName).chain(m -> members.find(poolId, m.group.id, m.user.sub)
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().voidItem();
                    }
                    GroupMemberEntity member = new GroupMemberEntity();
                    member.id = UUID.randomUUID();
                    member.poolId = poolId;
                    member.groupId = m.group.id;
                    member.sub = m.user.sub;
                    return members.persist(member).chain(() -> changed(m, "added"));
                }));
    }

    @WithTransaction
    public Uni<Void> removeUser(String poolId, String username, String groupName) {
        return membership(poolId, username, groupName)
                .chain(m -> members.remove(poolId, m.group.id, m.user.sub).chain(() -> changed(m, "removed")));
    }

    @WithSession
    public Uni<ObjectNode> groupsForUser(String poolId, String username, Integer limit, String nextToken) {
        int pageSize = limit == null || limit == 0 ? 60 : limit;
        String after = PageTokens.decode(nextToken);
        return pools.require(poolId).chain(pool -> admin.require(pool, username))
                .chain(user -> groups.groupsOf(poolId, user.sub)).map(all -> {
                    List<GroupEntity> remaining = after == null ? all
                            : all.stream().filter(g -> g.groupName.compareTo(after) > 0).toList();
                    List<GroupEntity> sorted = remaining.stream()
                            .sorted((a, b) -> a.groupName.compareTo(b.groupName)).toList();
                    return page(sorted.subList(0, Math.min(sorted.size(), pageSize + 1)), pageSize, "Groups",
                            g -> g.groupName);
                });
    }

    @WithSession
    public Uni<ObjectNode> usersInGroup(String poolId, String groupName, Integer limit, String nextToken) {
        int pageSize = limit == null || limit == 0 ? 60 : limit;
        String after = PageTokens.decode(nextToken);
        return require(poolId, groupName).chain(group -> members.members(poolId, group.id, after, pageSize + 1))
                .map(page -> {
                    ObjectNode response = Json.object();
                    ArrayNode list = response.putArray("Users");
                    List<UserEntity> shown = page.subList(0, Math.min(pageSize, page.size()));
                    shown.forEach(u -> list.add(UserView.userType(u, List.of())));
                    if (page.size() > pageSize) {
                        response.put("NextToken", PageTokens.encode(shown.get(shown.size() - 1).usernameKey));
                    }
                    return response;
                });
    }

    private record Membership(GroupEntity group, UserEntity user) {
    }

    private Uni<Membership> membership(String poolId, String username, String groupName) {
        return pools.require(poolId).chain(pool -> admin.require(pool, username))
                .chain(user -> require(poolId, groupName).map(group -> new Membership(group, user)));
    }

    private Uni<Void> changed(Membership m, String change) {
        return outbox.record(UserEventType.GroupMembershipChanged, m.user,
                Map.of("groupName", m.group.groupName, "change", change));
    }

    private Uni<GroupEntity> require(String poolId, String name) {
        return pools.require(poolId).chain(pool -> groups.findByName(poolId, name)).map(group -> {
            if (group == null) {
                throw RESOURCE_NOT_FOUND.withMessage("Group not found.");
            }
            return group;
        });
    }

    private static void apply(Params request, GroupEntity group) {
        String description = request.optional("Description", 0, 2048);
        String roleArn = request.optional("RoleArn", 20, 2048, ROLE_ARN);
        Integer precedence = request.optionalInt("Precedence", 0, Integer.MAX_VALUE);
        if (description != null) {
            group.description = description;
        }
        if (roleArn != null) {
            group.roleArn = roleArn;
        }
        if (precedence != null) {
            group.precedence = precedence;
        }
    }

    private static ObjectNode page(List<GroupEntity> page, int pageSize, String field,
            java.util.function.Function<GroupEntity, String> key) {
        ObjectNode response = Json.object();
        ArrayNode list = response.putArray(field);
        List<GroupEntity> shown = page.subList(0, Math.min(pageSize, page.size()));
        shown.forEach(g -> list.add(view(g)));
        if (page.size() > pageSize) {
            response.put("NextToken", PageTokens.encode(key.apply(shown.get(shown.size() - 1))));
        }
        return response;
    }

    static ObjectNode view(GroupEntity group) {
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
