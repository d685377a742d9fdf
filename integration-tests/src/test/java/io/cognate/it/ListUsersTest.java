package io.cognate.it;

import static io.cognate.it.support.TestUsers.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Names;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** ListUsers: the Filter forms ({@code =}, {@code ^=}, {@code cognito:user_status}), AttributesToGet, paging. */
class ListUsersTest {

    private final CognitoIdentityProviderClient admin = Cognito.admin();

    @Test
    void listUsersWithEmailEqualsFilterThenOnlyThatUser() {
        TestPool pool = TestPools.pool();
        TestUser wanted = TestUsers.confirmed(pool);
        TestUsers.confirmed(pool);
        List<UserType> users = admin.listUsers(b -> b.userPoolId(pool.id())
                .filter("email = \"" + wanted.email() + "\"")).users();
        assertEquals(1, users.size());
        assertEquals(wanted.username(), users.get(0).username());
    }

    @Test
    void listUsersWithEmailPrefixFilterThenUsersWhoseEmailStartsWithIt() {
        TestPool pool = TestPools.pool();
        String prefix = Names.unique("pre");
        Set<String> wanted = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            String username = Names.unique("user");
            admin.adminCreateUser(b -> b.userPoolId(pool.id())
                    .username(username)
                    .messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(attribute("email", prefix + "-" + username + "@example.test")));
            wanted.add(username);
        }
        TestUsers.confirmed(pool);
        List<UserType> users = admin.listUsers(b -> b.userPoolId(pool.id())
                .filter("email ^= \"" + prefix + "\"")).users();
        assertEquals(wanted, Set.copyOf(users.stream().map(UserType::username).toList()));
    }

    @Test
    void listUsersWithStatusFilterThenOnlyUnconfirmedUsers() {
        TestPool pool = TestPools.pool();
        TestUser unconfirmed = TestUsers.signedUp(pool);
        TestUsers.confirmed(pool);
        List<UserType> users = admin.listUsers(b -> b.userPoolId(pool.id())
                .filter("cognito:user_status = \"UNCONFIRMED\"")).users();
        assertEquals(List.of(unconfirmed.username()), users.stream().map(UserType::username).toList());
        assertEquals(UserStatusType.UNCONFIRMED, users.get(0).userStatus());
    }

    @Test
    void listUsersWithAttributesToGetThenOnlyThoseAttributes() {
        TestPool pool = TestPools.pool();
        TestUsers.confirmed(pool, attribute("given_name", "Ada"));
        List<UserType> users = admin.listUsers(b -> b.userPoolId(pool.id()).attributesToGet("email")).users();
        assertEquals(1, users.size());
        List<String> names = users.get(0).attributes().stream().map(a -> a.name()).toList();
        assertEquals(List.of("email"), names);
        assertNotNull(users.get(0).userStatus(), "the user's own fields are always there");
    }

    @Test
    void listUsersWithLimitThenPaginationTokenWalksAllUsers() {
        TestPool pool = TestPools.pool();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            created.add(TestUsers.confirmed(pool).username());
        }
        ListUsersResponse first = admin.listUsers(b -> b.userPoolId(pool.id()).limit(2));
        assertEquals(2, first.users().size());
        assertNotNull(first.paginationToken());
        ListUsersResponse second = admin.listUsers(b -> b.userPoolId(pool.id())
                .limit(2)
                .paginationToken(first.paginationToken()));
        assertEquals(1, second.users().size());
        assertNull(second.paginationToken(), "the last page has no token");

        List<String> all = new ArrayList<>();
        first.users().forEach(u -> all.add(u.username()));
        second.users().forEach(u -> all.add(u.username()));
        assertEquals(created, Set.copyOf(all));
        assertEquals(3, all.size(), "no user on two pages");
    }
}
