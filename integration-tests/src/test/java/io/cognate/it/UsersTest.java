package io.cognate.it;

import static io.cognate.it.support.TestUsers.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.Mailbox;
import io.cognate.it.support.Names;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.SmsInbox;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * AdminCreateUser (invitation mail, SUPPRESS, RESEND), AdminGetUser and GetUser, deleting users, changing and deleting
 * attributes (admin and self-service), disabling and enabling, setting and changing passwords.
 */
class UsersTest {

    private final CognitoIdentityProviderClient admin = Cognito.admin();
    private final CognitoIdentityProviderClient anonymous = Cognito.anonymous();

    @Test
    void adminCreateUserThenForceChangePasswordAndInvitationMailHoldsUsernameAndTemporaryPassword() {
        TestPool pool = TestPools.pool();
        String username = Names.unique("user");
        String email = Names.email("user");
        String temporary = "Temp-Pass-" + Names.unique("x").substring(2, 8) + "9A";

        UserType created = admin.adminCreateUser(b -> b.userPoolId(pool.id())
                .username(username)
                .temporaryPassword(temporary)
                .desiredDeliveryMediums(DeliveryMediumType.EMAIL)
                .userAttributes(attribute("email", email))).user();

        assertEquals(username, created.username());
        assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, created.userStatus());
        assertEquals(Boolean.TRUE, created.enabled());
        assertNotNull(attribute(created.attributes(), "sub"), "AdminCreateUser answers the user's sub");
        assertNotNull(created.userCreateDate());
        Mailbox.Mail invitation = Mailbox.of(email).awaitMessage();
        assertTrue(invitation.body().contains(username), () -> "invitation without username: " + invitation.body());
        assertTrue(invitation.body().contains(temporary), () -> "invitation without password: " + invitation.body());
    }

    @Test
    void adminCreateUserWithoutTemporaryPasswordThenGeneratedOneIsMailed() {
        TestPool pool = TestPools.pool();
        String username = Names.unique("user");
        String email = Names.email("user");
        admin.adminCreateUser(b -> b.userPoolId(pool.id()).username(username)
                .desiredDeliveryMediums(DeliveryMediumType.EMAIL)
                .userAttributes(attribute("email", email)));

        String body = Mailbox.of(email).awaitMessage().body();
        assertTrue(body.contains(username), () -> "invitation without username: " + body);
        // The generated password follows the pool's policy (upper, lower, digit, 8+): the one word of the mail that
        // does is the password, possibly followed by the template's full stop.
        boolean signedIn = false;
        for (String word : body.split("\\s+")) {
            for (String candidate : word.endsWith(".") ? List.of(word, word.substring(0, word.length() - 1))
                    : List.of(word)) {
                if (signedIn || !candidate.matches("(?=.*[A-Z])(?=.*[a-z])(?=.*[0-9]).{8,}")) {
                    continue;
                }
                try {
                    InitiateAuthResponse response = anonymous.initiateAuth(b -> b.clientId(pool.clientId())
                            .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                            .authParameters(Map.of("USERNAME", username, "PASSWORD", candidate)));
                    signedIn = response.challengeName() == ChallengeNameType.NEW_PASSWORD_REQUIRED;
                } catch (NotAuthorizedException wrongGuess) {
                    // not this word
                }
            }
        }
        assertTrue(signedIn, () -> "no word of the invitation signs in as a temporary password: " + body);
    }

    @Test
    void adminCreateUserWhenSuppressThenNoInvitationMail() {
        TestPool pool = TestPools.pool();
        String email = Names.email("user");
        admin.adminCreateUser(b -> b.userPoolId(pool.id())
                .username(Names.unique("user"))
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attribute("email", email)));
        Mailbox.of(email).assertStays(0, Duration.ofSeconds(3));
    }

    @Test
    void adminCreateUserWhenResendThenInvitationMailSentAgain() {
        TestPool pool = TestPools.pool();
        String username = Names.unique("user");
        String email = Names.email("user");
        admin.adminCreateUser(b -> b.userPoolId(pool.id())
                .username(username)
                .temporaryPassword("First-Temp-1")
                .desiredDeliveryMediums(DeliveryMediumType.EMAIL)
                .userAttributes(attribute("email", email)));
        Mailbox mailbox = Mailbox.of(email);
        mailbox.awaitMessage();

        admin.adminCreateUser(b -> b.userPoolId(pool.id())
                .username(username)
                .temporaryPassword("Second-Temp-2")
                .desiredDeliveryMediums(DeliveryMediumType.EMAIL)
                .messageAction(MessageActionType.RESEND));
        Mailbox.Mail resent = mailbox.awaitMessages(2).get(1);
        assertTrue(resent.body().contains(username), () -> "resent invitation: " + resent.body());
        assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD,
                admin.adminGetUser(b -> b.userPoolId(pool.id()).username(username)).userStatus());
    }

    @Test
    void adminCreateUserWhenUsernameTakenThenUsernameExists() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        Expect.errorMentioning(UsernameExistsException.class, "already exists", () -> admin.adminCreateUser(b -> b
                .userPoolId(pool.id())
                .username(user.username())
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attribute("email", Names.email("user")))));
    }

    @Test
    void adminGetUserThenAttributesStatusAndDates() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool, attribute("given_name", "Ada"));
        AdminGetUserResponse got = admin.adminGetUser(b -> b.userPoolId(pool.id()).username(user.username()));
        assertEquals(user.username(), got.username());
        assertEquals(UserStatusType.CONFIRMED, got.userStatus());
        assertEquals(Boolean.TRUE, got.enabled());
        assertNotNull(got.userCreateDate());
        assertNotNull(got.userLastModifiedDate());
        assertEquals(user.sub(), attribute(got.userAttributes(), "sub"));
        assertEquals(user.email(), attribute(got.userAttributes(), "email"));
        assertEquals("true", attribute(got.userAttributes(), "email_verified"));
        assertEquals("Ada", attribute(got.userAttributes(), "given_name"));
    }

    @Test
    void adminGetUserWhenUnknownThenUserNotFound() {
        TestPool pool = TestPools.pool();
        Expect.error(UserNotFoundException.class, "User does not exist.", () -> admin.adminGetUser(b -> b
                .userPoolId(pool.id())
                .username(Names.unique("nobody"))));
    }

    @Test
    void getUserWithAccessTokenThenUsernameAndAttributes() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        GetUserResponse got = anonymous.getUser(b -> b.accessToken(SignIn.password(pool, user).accessToken()));
        assertEquals(user.username(), got.username());
        assertEquals(user.sub(), attribute(got.userAttributes(), "sub"));
        assertEquals(user.email(), attribute(got.userAttributes(), "email"));
    }

    @Test
    void getUserWhenAccessTokenGarbageThenNotAuthorized() {
        Expect.error(NotAuthorizedException.class, () -> anonymous.getUser(b -> b.accessToken("not.a.token")));
    }

    @Test
    void adminDeleteUserThenAdminGetUserNotFound() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        admin.adminDeleteUser(b -> b.userPoolId(pool.id()).username(user.username()));
        Expect.error(UserNotFoundException.class, () -> admin.adminGetUser(b -> b.userPoolId(pool.id())
                .username(user.username())));
    }

    @Test
    void deleteUserWithAccessTokenThenUserGoneAndTokenUseless() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        String accessToken = SignIn.password(pool, user).accessToken();
        anonymous.deleteUser(b -> b.accessToken(accessToken));
        Expect.error(UserNotFoundException.class, () -> admin.adminGetUser(b -> b.userPoolId(pool.id())
                .username(user.username())));
        Expect.error(NotAuthorizedException.class, () -> SignIn.password(pool, user));
    }

    @Test
    void adminUpdateUserAttributesThenAdminGetUserShowsThem() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        admin.adminUpdateUserAttributes(b -> b.userPoolId(pool.id())
                .username(user.username())
                .userAttributes(attribute("given_name", "Grace"), attribute("custom:team", "red")));
        var attributes = admin.adminGetUser(b -> b.userPoolId(pool.id()).username(user.username())).userAttributes();
        assertEquals("Grace", attribute(attributes, "given_name"));
        assertEquals("red", attribute(attributes, "custom:team"));
        assertEquals(user.email(), attribute(attributes, "email"), "other attributes are kept");
    }

    @Test
    void updateUserAttributesWithAccessTokenThenGetUserShowsThem() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        String accessToken = SignIn.password(pool, user).accessToken();
        anonymous.updateUserAttributes(b -> b.accessToken(accessToken)
                .userAttributes(attribute("family_name", "Hopper"), attribute("custom:team", "blue")));
        var attributes = anonymous.getUser(b -> b.accessToken(accessToken)).userAttributes();
        assertEquals("Hopper", attribute(attributes, "family_name"));
        assertEquals("blue", attribute(attributes, "custom:team"));
    }

    @Test
    void adminDeleteUserAttributesThenGone() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool, attribute("given_name", "Ada"), attribute("custom:team", "red"));
        admin.adminDeleteUserAttributes(b -> b.userPoolId(pool.id())
                .username(user.username())
                .userAttributeNames("given_name", "custom:team"));
        var attributes = admin.adminGetUser(b -> b.userPoolId(pool.id()).username(user.username())).userAttributes();
        assertNull(attribute(attributes, "given_name"));
        assertNull(attribute(attributes, "custom:team"));
        assertEquals(user.email(), attribute(attributes, "email"));
    }

    @Test
    void deleteUserAttributesWithAccessTokenThenGone() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool, attribute("custom:team", "red"));
        String accessToken = SignIn.password(pool, user).accessToken();
        anonymous.deleteUserAttributes(b -> b.accessToken(accessToken).userAttributeNames("custom:team"));
        assertNull(attribute(anonymous.getUser(b -> b.accessToken(accessToken)).userAttributes(), "custom:team"));
    }

    @Test
    void adminDisableUserThenSignInNotAuthorizedUntilEnabled() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        admin.adminDisableUser(b -> b.userPoolId(pool.id()).username(user.username()));
        assertEquals(Boolean.FALSE,
                admin.adminGetUser(b -> b.userPoolId(pool.id()).username(user.username())).enabled());
        Expect.error(NotAuthorizedException.class, "User is disabled.", () -> SignIn.password(pool, user));

        admin.adminEnableUser(b -> b.userPoolId(pool.id()).username(user.username()));
        assertEquals(Boolean.TRUE,
                admin.adminGetUser(b -> b.userPoolId(pool.id()).username(user.username())).enabled());
        assertNotNull(SignIn.password(pool, user).accessToken());
    }

    @Test
    void adminSetUserPasswordPermanentThenNewPasswordSignsInAndStatusConfirmed() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        admin.adminSetUserPassword(b -> b.userPoolId(pool.id())
                .username(user.username())
                .password("Brand-New-Pass-7")
                .permanent(true));
        assertEquals(UserStatusType.CONFIRMED,
                admin.adminGetUser(b -> b.userPoolId(pool.id()).username(user.username())).userStatus());
        assertNotNull(SignIn.password(pool.clientId(), user.username(), "Brand-New-Pass-7").accessToken());
        Expect.error(NotAuthorizedException.class, "Incorrect username or password.",
                () -> SignIn.password(pool, user));
    }

    @Test
    void adminSetUserPasswordNotPermanentThenForceChangePasswordAndNewPasswordRequired() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        admin.adminSetUserPassword(b -> b.userPoolId(pool.id())
                .username(user.username())
                .password("Temporary-Pass-8")
                .permanent(false));
        assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD,
                admin.adminGetUser(b -> b.userPoolId(pool.id()).username(user.username())).userStatus());
        InitiateAuthResponse response = anonymous.initiateAuth(b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", user.username(), "PASSWORD", "Temporary-Pass-8")));
        assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, response.challengeName());
    }

    @Test
    void changePasswordThenNewPasswordSignsInAndOldDoesNot() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        String accessToken = SignIn.password(pool, user).accessToken();
        anonymous.changePassword(b -> b.accessToken(accessToken)
                .previousPassword(user.password())
                .proposedPassword("Changed-Pass-99"));
        assertNotNull(SignIn.password(pool.clientId(), user.username(), "Changed-Pass-99").accessToken());
        Expect.error(NotAuthorizedException.class, "Incorrect username or password.",
                () -> SignIn.password(pool, user));
    }

    @Test
    void changePasswordWhenPreviousPasswordWrongThenNotAuthorized() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        String accessToken = SignIn.password(pool, user).accessToken();
        Expect.error(NotAuthorizedException.class, "Incorrect username or password.",
                () -> anonymous.changePassword(b -> b.accessToken(accessToken)
                        .previousPassword("Not-The-Password-1")
                        .proposedPassword("Changed-Pass-99")));
        assertNotNull(SignIn.password(pool, user).accessToken(), "the password is unchanged");
    }

    @Test
    void adminCreateUserWithoutDeliveryMediumsThenInvitationBySmsAsCognitoDefaults() {
        TestPool pool = TestPools.pool();
        String username = Names.unique("user");
        String email = Names.email("user");
        String phone = SmsInbox.uniqueNumber();
        admin.adminCreateUser(b -> b.userPoolId(pool.id()).username(username).temporaryPassword("Temp-Pass-123")
                .userAttributes(attribute("email", email), attribute("phone_number", phone)));

        String text = SmsInbox.awaitMessage(phone, 1).cloudEvent().path("data").path("message").asText();
        assertTrue(text.contains(username) && text.contains("Temp-Pass-123"), text);
        Mailbox.of(email).assertStays(0, Duration.ofSeconds(2));
    }

    @Test
    void adminCreateUserWithoutDeliveryMediumsAndWithoutPhoneThenCreatedAndNothingSent() {
        TestPool pool = TestPools.pool();
        String username = Names.unique("user");
        String email = Names.email("user");
        UserType created = admin.adminCreateUser(b -> b.userPoolId(pool.id()).username(username)
                .userAttributes(attribute("email", email))).user();

        assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, created.userStatus());
        Mailbox.of(email).assertStays(0, Duration.ofSeconds(2));
    }

    @Test
    void adminCreateUserWhenAskedMediumHasNoAddressThenInvalidParameterAndNoUser() {
        TestPool pool = TestPools.pool();
        String username = Names.unique("user");
        Expect.error(InvalidParameterException.class, "No phone_number provided but desired delivery medium was SMS",
                () -> admin.adminCreateUser(b -> b.userPoolId(pool.id()).username(username)
                        .desiredDeliveryMediums(DeliveryMediumType.SMS)
                        .userAttributes(attribute("email", Names.email("user")))));
        Expect.error(UserNotFoundException.class, () -> admin.adminGetUser(b -> b.userPoolId(pool.id())
                .username(username)));
    }

    @Test
    void verifiedFlagInAnyCaseThenKeptAsGivenAndRecoveryUsesIt() {
        TestPool pool = TestPools.pool();
        String username = Names.unique("user");
        String email = Names.email("user");
        admin.adminCreateUser(b -> b.userPoolId(pool.id()).username(username).messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attribute("email", email), attribute("email_verified", "TRUE")));
        admin.adminSetUserPassword(b -> b.userPoolId(pool.id()).username(username).password(TestPools.PASSWORD)
                .permanent(true));

        assertEquals("TRUE", attribute(admin.adminGetUser(b -> b.userPoolId(pool.id()).username(username))
                .userAttributes(), "email_verified"));
        // A verified address: the recovery code goes to it.
        assertEquals("EMAIL", Cognito.anonymous().forgotPassword(b -> b.clientId(pool.clientId()).username(username))
                .codeDeliveryDetails().deliveryMediumAsString());
        Expect.errorMentioning(InvalidParameterException.class, "email_verified", () -> admin.adminUpdateUserAttributes(
                b -> b.userPoolId(pool.id()).username(username).userAttributes(attribute("email_verified", "yes"))));
    }
}
