package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.GROUP_EXISTS;
import static io.cognate.userpool.error.CognitoError.RESOURCE_NOT_FOUND;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.model.Page;
import io.cognate.userpool.repository.GroupEntity;
import io.cognate.userpool.repository.GroupMemberEntity;
import io.cognate.userpool.repository.GroupMemberRepository;
import io.cognate.userpool.repository.GroupRepository;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.smallrye.mutiny.Uni;

/** Groups and memberships; a group's precedence and role reach the tokens of its members. */
@ApplicationScoped
public class GroupService {
    /** A group's description, role and precedence as CreateGroup and UpdateGroup give them; null: not given. */
    public record GroupFields(String description, String roleArn, Integer precedence) {
    }

    private final UserPoolService pools;
    private final UserLookup lookup;
    private final GroupRepository groups;
    private final GroupMemberRepository members;
    private final UserRepository users;
    private final Outbox outbox;
    private final Transactions transactions;

    public GroupService(UserPoolService pools, UserLookup lookup, GroupRepository groups, GroupMemberRepository members,
            UserRepository users, Outbox outbox, Transactions transactions) {
        this.pools = pools;
        this.lookup = lookup;
        this.groups = groups;
        this.members = members;
        this.users = users;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    public Uni<GroupEntity> create(String poolId, String name, GroupFields fields) {
        return transactions.transaction(() -> {
            GroupEntity group = new GroupEntity();
            group.id = UUID.randomUUID();
            group.poolId = poolId;
            group.groupName = name;
            apply(fields, group);
            group.createdAt = Instant.now();
            group.updatedAt = group.createdAt;
            return pools.require(poolId).chain(pool -> groups.findByName(poolId, name)).chain(existing -> {
                if (existing != null) {
                    throw GROUP_EXISTS.withMessage("A group with the name %s already exists.", name);
                }
                return groups.persist(group);
            });
        });
    }

    public Uni<GroupEntity> get(String poolId, String name) {
        return transactions.session(() -> require(poolId, name));
    }

    public Uni<GroupEntity> update(String poolId, String name, GroupFields fields) {
        return transactions.transaction(() -> require(poolId, name).chain(group -> {
            apply(fields, group);
            group.updatedAt = Instant.now();
            return groups.persist(group);
        }));
    }

    public Uni<Void> delete(String poolId, String name) {
        return transactions.transaction(() -> require(poolId, name).chain(groups::delete));
    }

    public Uni<Page<GroupEntity>> list(String poolId, int limit, String nextToken) {
        return transactions.session(() -> {
            String after = Page.after(nextToken);
            return pools.require(poolId).chain(pool -> groups.page(poolId, after, limit + 1))
                    .map(page -> Page.of(page, limit, g -> g.groupName));
        });
    }

    public Uni<Void> addUser(String poolId, String username, String groupName) {
        return transactions.transaction(() -> membership(poolId, username, groupName)
                .chain(m -> members.find(poolId, m.group.id, m.user.sub).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().voidItem();
                    }
                    GroupMemberEntity member = new GroupMemberEntity();
                    member.id = UUID.randomUUID();
                    member.poolId = poolId;
                    member.groupId = m.group.id;
                    member.sub = m.user.sub;
                    return members.persist(member).chain(() -> changed(m, "added"));
                })));
    }

    public Uni<Void> removeUser(String poolId, String username, String groupName) {
        return transactions.transaction(() -> membership(poolId, username, groupName)
                .chain(m -> members.remove(poolId, m.group.id, m.user.sub).chain(() -> changed(m, "removed"))));
    }

    public Uni<Page<GroupEntity>> groupsForUser(String poolId, String username, int limit, String nextToken) {
        return transactions.session(() -> {
            String after = Page.after(nextToken);
            return pools.require(poolId).chain(pool -> lookup.require(pool, username))
                    .chain(user -> groups.groupsOf(poolId, user.sub)).map(all -> {
                        List<GroupEntity> sorted = all.stream()
                                .filter(g -> after == null || g.groupName.compareTo(after) > 0)
                                .sorted((a, b) -> a.groupName.compareTo(b.groupName)).toList();
                        return Page.of(sorted.subList(0, Math.min(sorted.size(), limit + 1)), limit, g -> g.groupName);
                    });
        });
    }

    public Uni<Page<UserEntity>> usersInGroup(String poolId, String groupName, int limit, String nextToken) {
        return transactions.session(() -> {
            String after = Page.after(nextToken);
            return require(poolId, groupName).chain(group -> users.inGroup(poolId, group.id, after, limit + 1))
                    .map(page -> Page.of(page, limit, u -> u.usernameKey));
        });
    }

    private record Membership(GroupEntity group, UserEntity user) {
    }

    private Uni<Membership> membership(String poolId, String username, String groupName) {
        return pools.require(poolId).chain(pool -> lookup.require(pool, username))
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

    private static void apply(GroupFields fields, GroupEntity group) {
        if (fields.description() != null) {
            group.description = fields.description();
        }
        if (fields.roleArn() != null) {
            group.roleArn = fields.roleArn();
        }
        if (fields.precedence() != null) {
            group.precedence = fields.precedence();
        }
    }
}
