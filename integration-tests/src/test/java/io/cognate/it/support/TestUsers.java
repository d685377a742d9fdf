package io.cognate.it.support;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;

/** Users for tests, made through the API as an administrator or an app would make them. */
public final class TestUsers {

    private TestUsers() {
    }

    /**
     * A confirmed user with a verified email and the standard password: AdminCreateUser with no invitation, then
     * AdminSetUserPassword Permanent. Extra attributes are set at creation.
     */
    public static TestUser confirmed(TestPool pool, AttributeType... extraAttributes) {
        return confirmed(pool.id(), extraAttributes);
    }

    public static TestUser confirmed(String poolId, AttributeType... extraAttributes) {
        String username = Names.unique("user");
        String email = Names.email("user");
        List<AttributeType> attributes = new ArrayList<>(List.of(
                attribute("email", email),
                attribute("email_verified", "true")));
        attributes.addAll(List.of(extraAttributes));
        AdminCreateUserResponse created = Cognito.admin().adminCreateUser(b -> b.userPoolId(poolId)
                .username(username)
                .userAttributes(attributes)
                .messageAction(MessageActionType.SUPPRESS));
        Cognito.admin().adminSetUserPassword(b -> b.userPoolId(poolId)
                .username(username)
                .password(TestPools.PASSWORD)
                .permanent(true));
        String sub = attribute(created.user().attributes(), "sub");
        if (sub == null) {
            sub = attribute(Cognito.admin().adminGetUser(b -> b.userPoolId(poolId).username(username)).userAttributes(),
                    "sub");
        }
        return new TestUser(username, email, TestPools.PASSWORD, sub);
    }

    /** A user who signed up through the pool's standard client and has not confirmed: a code is on its way by mail. */
    public static TestUser signedUp(TestPool pool) {
        String username = Names.unique("user");
        String email = Names.email("user");
        SignUpResponse response = Cognito.anonymous().signUp(b -> b.clientId(pool.clientId())
                .username(username)
                .password(TestPools.PASSWORD)
                .userAttributes(attribute("email", email)));
        return new TestUser(username, email, TestPools.PASSWORD, response.userSub());
    }

    public static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    /** The value of the named attribute, or null. */
    public static String attribute(List<AttributeType> attributes, String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).map(AttributeType::value).findFirst()
                .orElse(null);
    }
}
