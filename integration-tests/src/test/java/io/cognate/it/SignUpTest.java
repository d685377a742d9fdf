package io.cognate.it;

import static io.cognate.it.support.TestUsers.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.Mailbox;
import io.cognate.it.support.Names;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/** SignUp, ConfirmSignUp with the code from the real mail, ResendConfirmationCode, AdminConfirmSignUp. */
class SignUpTest {

    private final CognitoIdentityProviderClient anonymous = Cognito.anonymous();
    private final CognitoIdentityProviderClient admin = Cognito.admin();

    @Test
    void signUpThenUnconfirmedAndCodeDeliveredByEmail() {
        TestPool pool = TestPools.pool();
        String username = Names.unique("user");
        String email = Names.email("user");
        SignUpResponse response = anonymous.signUp(b -> b.clientId(pool.clientId())
                .username(username)
                .password(TestPools.PASSWORD)
                .userAttributes(attribute("email", email)));

        assertEquals(Boolean.FALSE, response.userConfirmed());
        assertNotNull(response.userSub());
        CodeDeliveryDetailsType delivery = response.codeDeliveryDetails();
        assertEquals(DeliveryMediumType.EMAIL, delivery.deliveryMedium());
        assertEquals("email", delivery.attributeName());
        assertNotNull(delivery.destination());
        assertNotEquals(email, delivery.destination(), "Cognito masks the destination, e.g. u***@e***");

        AdminGetUserResponse user = admin.adminGetUser(b -> b.userPoolId(pool.id()).username(username));
        assertEquals(UserStatusType.UNCONFIRMED, user.userStatus());
        assertEquals(response.userSub(), attribute(user.userAttributes(), "sub"));
        assertEquals(email, attribute(user.userAttributes(), "email"));

        Mailbox.Mail mail = Mailbox.of(email).awaitMessage();
        assertTrue(mail.to().contains(email), () -> "mail to " + mail.to());
        assertTrue(Mailbox.code(mail.body()).isPresent(), () -> "no code in: " + mail.body());
    }

    @Test
    void confirmSignUpWithMailedCodeThenConfirmedAndEmailVerified() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.signedUp(pool);
        String code = Mailbox.of(user.email()).awaitCode();

        anonymous.confirmSignUp(b -> b.clientId(pool.clientId()).username(user.username()).confirmationCode(code));

        AdminGetUserResponse confirmed = admin.adminGetUser(b -> b.userPoolId(pool.id()).username(user.username()));
        assertEquals(UserStatusType.CONFIRMED, confirmed.userStatus());
        assertEquals("true", attribute(confirmed.userAttributes(), "email_verified"),
                "confirming with the mailed code verifies the email (AutoVerifiedAttributes)");
        assertNotNull(SignIn.password(pool, user).accessToken());
    }

    @Test
    void confirmSignUpWhenCodeWrongThenCodeMismatch() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.signedUp(pool);
        String code = Mailbox.of(user.email()).awaitCode();
        String wrong = code.substring(0, 5) + (char) ('0' + (code.charAt(5) - '0' + 1) % 10);

        Expect.error(CodeMismatchException.class, () -> anonymous.confirmSignUp(b -> b.clientId(pool.clientId())
                .username(user.username())
                .confirmationCode(wrong)));
        assertEquals(UserStatusType.UNCONFIRMED,
                admin.adminGetUser(b -> b.userPoolId(pool.id()).username(user.username())).userStatus());
    }

    @Test
    void confirmSignUpWhenAlreadyConfirmedThenNotAuthorized() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.signedUp(pool);
        String code = Mailbox.of(user.email()).awaitCode();
        anonymous.confirmSignUp(b -> b.clientId(pool.clientId()).username(user.username()).confirmationCode(code));

        // Cognito: "User cannot be confirmed. Current status is CONFIRMED"
        Expect.errorMentioning(NotAuthorizedException.class, "CONFIRMED", () -> anonymous.confirmSignUp(b -> b
                .clientId(pool.clientId())
                .username(user.username())
                .confirmationCode(code)));
    }

    @Test
    void resendConfirmationCodeThenSecondMailAndItsCodeConfirms() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.signedUp(pool);
        Mailbox mailbox = Mailbox.of(user.email());
        mailbox.awaitMessage();

        CodeDeliveryDetailsType delivery = anonymous.resendConfirmationCode(b -> b.clientId(pool.clientId())
                .username(user.username())).codeDeliveryDetails();
        assertEquals(DeliveryMediumType.EMAIL, delivery.deliveryMedium());
        assertEquals("email", delivery.attributeName());

        String code = mailbox.awaitCode(2);
        anonymous.confirmSignUp(b -> b.clientId(pool.clientId()).username(user.username()).confirmationCode(code));
        assertEquals(UserStatusType.CONFIRMED,
                admin.adminGetUser(b -> b.userPoolId(pool.id()).username(user.username())).userStatus());
    }

    @Test
    void adminConfirmSignUpThenConfirmedAndSignsIn() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.signedUp(pool);
        admin.adminConfirmSignUp(b -> b.userPoolId(pool.id()).username(user.username()));
        assertEquals(UserStatusType.CONFIRMED,
                admin.adminGetUser(b -> b.userPoolId(pool.id()).username(user.username())).userStatus());
        assertNotNull(SignIn.password(pool, user).accessToken());
    }

    @Test
    void signUpWhenUsernameTakenThenUsernameExists() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.signedUp(pool);
        Expect.error(UsernameExistsException.class, "User already exists", () -> anonymous.signUp(b -> b
                .clientId(pool.clientId())
                .username(user.username())
                .password(TestPools.PASSWORD)
                .userAttributes(attribute("email", Names.email("other")))));
    }

    @Test
    void signUpWhenPasswordTooShortThenInvalidPassword() {
        TestPool pool = TestPools.pool();
        InvalidPasswordException e = Expect.error(InvalidPasswordException.class, () -> anonymous.signUp(b -> b
                .clientId(pool.clientId())
                .username(Names.unique("user"))
                .password("Ab1")
                .userAttributes(attribute("email", Names.email("user")))));
        assertTrue(e.awsErrorDetails().errorMessage().startsWith("Password did not conform with policy"),
                e.awsErrorDetails().errorMessage());
    }

    @Test
    void signUpWhenPasswordLacksUppercaseThenInvalidPassword() {
        TestPool pool = TestPools.pool();
        Expect.errorMentioning(InvalidPasswordException.class, "uppercase", () -> anonymous.signUp(b -> b
                .clientId(pool.clientId())
                .username(Names.unique("user"))
                .password("all-lower-case-1")
                .userAttributes(attribute("email", Names.email("user")))));
    }

    @Test
    void signUpWhenPasswordLacksNumberThenInvalidPassword() {
        TestPool pool = TestPools.pool();
        Expect.errorMentioning(InvalidPasswordException.class, "numeric", () -> anonymous.signUp(b -> b
                .clientId(pool.clientId())
                .username(Names.unique("user"))
                .password("No-Numbers-Here")
                .userAttributes(attribute("email", Names.email("user")))));
    }

    @Test
    void signUpWhenRequiredAttributeMissingThenInvalidParameter() {
        TestPool pool = TestPools.pool();
        Expect.errorMentioning(InvalidParameterException.class, "email", () -> anonymous.signUp(b -> b
                .clientId(pool.clientId())
                .username(Names.unique("user"))
                .password(TestPools.PASSWORD)));
    }

    @Test
    void signUpWhenAttributeNotInSchemaThenInvalidParameter() {
        TestPool pool = TestPools.pool();
        Expect.error(InvalidParameterException.class, () -> anonymous.signUp(b -> b
                .clientId(pool.clientId())
                .username(Names.unique("user"))
                .password(TestPools.PASSWORD)
                .userAttributes(attribute("email", Names.email("user")), attribute("custom:nosuch", "x"))));
    }

    @Test
    void signUpWithCustomAttributeThenStored() {
        TestPool pool = TestPools.pool();
        String username = Names.unique("user");
        anonymous.signUp(b -> b.clientId(pool.clientId())
                .username(username)
                .password(TestPools.PASSWORD)
                .userAttributes(attribute("email", Names.email("user")), attribute("custom:team", "green")));
        AdminGetUserResponse user = admin.adminGetUser(b -> b.userPoolId(pool.id()).username(username));
        assertEquals("green", attribute(user.userAttributes(), "custom:team"));
        assertFalse(user.userAttributes().stream().anyMatch(a -> a.name().equals("password")));
    }
}
