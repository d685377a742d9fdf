package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.Jwt;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListGroupsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * CreateGroup, GetGroup, UpdateGroup, DeleteGroup, ListGroups, AdminAddUserToGroup, AdminRemoveUserFromGroup,
 * AdminListGroupsForUser, ListUsersInGroup, and the group claims in tokens.
 */
class GroupsTest {

    private static final String ADMIN_ROLE = "arn:aws:iam::123456789012:role/it-admins";
    private static final String STAFF_ROLE = "arn:aws:iam::123456789012:role/it-staff";

    private final CognitoIdentityProviderClient admin = Cognito.admin();

    @Test
    void createGroupThenGetGroupReturnsIt() {
        TestPool pool = TestPools.pool();
        GroupType created = admin.createGroup(b -> b.userPoolId(pool.id())
                .groupName("admins")
                .description("Administrators")
                .precedence(1)
                .roleArn(ADMIN_ROLE)).group();
        assertEquals("admins", created.groupName());
        assertEquals(pool.id(), created.userPoolId());

        GroupType got = admin.getGroup(b -> b.userPoolId(pool.id()).groupName("admins")).group();
        assertEquals("admins", got.groupName());
        assertEquals("Administrators", got.description());
        assertEquals(1, got.precedence());
        assertEquals(ADMIN_ROLE, got.roleArn());
        assertEquals(pool.id(), got.userPoolId());
        assertNotNull(got.creationDate());
        assertNotNull(got.lastModifiedDate());
    }

    @Test
    void createGroupWhenNameTakenThenGroupExists() {
        TestPool pool = TestPools.pool();
        admin.createGroup(b -> b.userPoolId(pool.id()).groupName("dup"));
        Expect.error(GroupExistsException.class, () -> admin.createGroup(b -> b.userPoolId(pool.id())
                .groupName("dup")));
    }

    @Test
    void getGroupWhenUnknownThenResourceNotFound() {
        TestPool pool = TestPools.pool();
        Expect.error(ResourceNotFoundException.class, () -> admin.getGroup(b -> b.userPoolId(pool.id())
                .groupName("nosuchgroup")));
    }

    @Test
    void updateGroupThenGetGroupShowsChanges() {
        TestPool pool = TestPools.pool();
        admin.createGroup(b -> b.userPoolId(pool.id()).groupName("staff").description("before").precedence(5));
        GroupType updated = admin.updateGroup(b -> b.userPoolId(pool.id())
                .groupName("staff")
                .description("after")
                .precedence(3)
                .roleArn(STAFF_ROLE)).group();
        assertEquals("after", updated.description());
        GroupType got = admin.getGroup(b -> b.userPoolId(pool.id()).groupName("staff")).group();
        assertEquals("after", got.description());
        assertEquals(3, got.precedence());
        assertEquals(STAFF_ROLE, got.roleArn());
    }

    @Test
    void deleteGroupThenGetGroupResourceNotFoundAndMembershipGone() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        admin.createGroup(b -> b.userPoolId(pool.id()).groupName("temp"));
        admin.adminAddUserToGroup(b -> b.userPoolId(pool.id()).username(user.username()).groupName("temp"));
        admin.deleteGroup(b -> b.userPoolId(pool.id()).groupName("temp"));
        Expect.error(ResourceNotFoundException.class, () -> admin.getGroup(b -> b.userPoolId(pool.id())
                .groupName("temp")));
        assertTrue(admin.adminListGroupsForUser(b -> b.userPoolId(pool.id()).username(user.username())).groups()
                .isEmpty());
    }

    @Test
    void listGroupsWithLimitThenNextTokenWalksAllGroups() {
        TestPool pool = TestPools.pool();
        for (String name : List.of("a-group", "b-group", "c-group")) {
            admin.createGroup(b -> b.userPoolId(pool.id()).groupName(name));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListGroupsResponse page = admin.listGroups(b -> b.userPoolId(pool.id()).limit(2).nextToken(next));
            assertTrue(page.groups().size() <= 2);
            page.groups().forEach(g -> seen.add(g.groupName()));
            token = page.nextToken();
            pages++;
        } while (token != null && pages < 10);
        assertEquals(Set.of("a-group", "b-group", "c-group"), Set.copyOf(seen));
        assertEquals(3, seen.size());
        assertEquals(2, pages);
    }

    @Test
    void adminAddUserToGroupThenListedBothWays() {
        TestPool pool = TestPools.pool();
        TestUser member = TestUsers.confirmed(pool);
        TestUsers.confirmed(pool);
        admin.createGroup(b -> b.userPoolId(pool.id()).groupName("readers").precedence(10));
        admin.adminAddUserToGroup(b -> b.userPoolId(pool.id()).username(member.username()).groupName("readers"));

        List<GroupType> groups = admin.adminListGroupsForUser(b -> b.userPoolId(pool.id())
                .username(member.username())).groups();
        assertEquals(List.of("readers"), groups.stream().map(GroupType::groupName).toList());
        List<UserType> users = admin.listUsersInGroup(b -> b.userPoolId(pool.id()).groupName("readers")).users();
        assertEquals(List.of(member.username()), users.stream().map(UserType::username).toList());
    }

    @Test
    void adminAddUserToGroupWhenGroupUnknownThenResourceNotFound() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        Expect.error(ResourceNotFoundException.class, () -> admin.adminAddUserToGroup(b -> b.userPoolId(pool.id())
                .username(user.username())
                .groupName("nosuchgroup")));
    }

    @Test
    void adminAddUserToGroupWhenUserUnknownThenUserNotFound() {
        TestPool pool = TestPools.pool();
        admin.createGroup(b -> b.userPoolId(pool.id()).groupName("g"));
        Expect.error(UserNotFoundException.class, () -> admin.adminAddUserToGroup(b -> b.userPoolId(pool.id())
                .username("nobody-here")
                .groupName("g")));
    }

    @Test
    void adminRemoveUserFromGroupThenNoLongerListed() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        admin.createGroup(b -> b.userPoolId(pool.id()).groupName("g"));
        admin.adminAddUserToGroup(b -> b.userPoolId(pool.id()).username(user.username()).groupName("g"));
        admin.adminRemoveUserFromGroup(b -> b.userPoolId(pool.id()).username(user.username()).groupName("g"));
        assertTrue(admin.listUsersInGroup(b -> b.userPoolId(pool.id()).groupName("g")).users().isEmpty());
        assertFalse(Jwt.claims(SignIn.password(pool, user).idToken()).has("cognito:groups"),
                "no groups, no cognito:groups claim");
    }

    @Test
    void signInThenTokensCarryGroupsByPrecedenceAndIdTokenCarriesRoles() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        // Created out of precedence order, so that order of creation cannot pass for order of precedence.
        admin.createGroup(b -> b.userPoolId(pool.id()).groupName("readers").precedence(10));
        admin.createGroup(b -> b.userPoolId(pool.id()).groupName("staff").precedence(5).roleArn(STAFF_ROLE));
        admin.createGroup(b -> b.userPoolId(pool.id()).groupName("admins").precedence(1).roleArn(ADMIN_ROLE));
        for (String group : List.of("readers", "staff", "admins")) {
            admin.adminAddUserToGroup(b -> b.userPoolId(pool.id()).username(user.username()).groupName(group));
        }

        AuthenticationResultType tokens = SignIn.password(pool, user);
        JsonNode id = Jwt.claims(tokens.idToken());
        JsonNode access = Jwt.claims(tokens.accessToken());
        assertEquals(List.of("admins", "staff", "readers"), strings(id.path("cognito:groups")));
        assertEquals(List.of("admins", "staff", "readers"), strings(access.path("cognito:groups")));
        assertEquals(Set.of(ADMIN_ROLE, STAFF_ROLE), Set.copyOf(strings(id.path("cognito:roles"))));
        assertEquals(ADMIN_ROLE, id.path("cognito:preferred_role").asText(),
                "the preferred role is the role of the group with the lowest precedence value");
        assertNull(access.get("cognito:roles"), "roles are an ID token claim");
    }

    private static List<String> strings(JsonNode array) {
        assertTrue(array.isArray(), () -> "expected a JSON array, got " + array);
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
