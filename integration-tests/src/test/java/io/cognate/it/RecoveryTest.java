package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RecoveryOptionNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyFailedAttemptsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/** ForgotPassword, ConfirmForgotPassword and AdminResetUserPassword, with codes read from the real SMTP server. */
class RecoveryTest {
    private static final String NEW_PASSWORD = "Battery-Staple-77";

    private final CognitoIdentityProviderClient anonymous = Cognito.anonymous();

    @Test
    void forgotPasswordThenCodeByMailResetsPasswordAndOldOneStopsWorking() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);

        CodeDeliveryDetailsType delivery = anonymous.forgotPassword(b -> b.clientId(pool.clientId())
                .username(user.username())).codeDeliveryDetails();
        assertEquals(DeliveryMediumType.EMAIL, delivery.deliveryMedium());
        assertEquals("email", delivery.attributeName());
        assertEquals(user.email().charAt(0) + "***@", delivery.destination().substring(0, 5));
        String code = Mailbox.of(user.email()).awaitCode();
        anonymous.confirmForgotPassword(b -> b.clientId(pool.clientId()).username(user.username())
                .confirmationCode(code).password(NEW_PASSWORD));

        assertNotNull(SignIn.password(pool.clientId(), user.username(), NEW_PASSWORD).accessToken());
        Expect.error(NotAuthorizedException.class, "Incorrect username or password.", () -> SignIn.password(pool, user));
        Expect.error(ExpiredCodeException.class, () -> anonymous.confirmForgotPassword(b -> b.clientId(pool.clientId())
                .username(user.username()).confirmationCode(code).password("Another-Pass-99")));
    }

    @Test
    void confirmForgotPasswordWhenWrongCodeThenMismatchAndAfterFiveTooManyFailedAttempts() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        anonymous.forgotPassword(b -> b.clientId(pool.clientId()).username(user.username()));
        String code = Mailbox.of(user.email()).awaitCode();
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int i = 0; i < 5; i++) {
            Expect.error(CodeMismatchException.class, () -> confirm(pool, user, wrong, NEW_PASSWORD));
        }
        Expect.error(TooManyFailedAttemptsException.class, () -> confirm(pool, user, code, NEW_PASSWORD));
    }

    @Test
    void confirmForgotPasswordWhenPasswordBreaksPolicyThenInvalidPasswordAndCodeStillValid() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        anonymous.forgotPassword(b -> b.clientId(pool.clientId()).username(user.username()));
        String code = Mailbox.of(user.email()).awaitCode();

        Expect.error(InvalidPasswordException.class, () -> confirm(pool, user, code, "short"));
        confirm(pool, user, code, NEW_PASSWORD);
        assertNotNull(SignIn.password(pool.clientId(), user.username(), NEW_PASSWORD).accessToken());
    }

    @Test
    void forgotPasswordWhenAskedTooOftenThenLimitExceeded() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        for (int i = 0; i < 5; i++) {
            anonymous.forgotPassword(b -> b.clientId(pool.clientId()).username(user.username()));
        }
        Expect.error(LimitExceededException.class,
                () -> anonymous.forgotPassword(b -> b.clientId(pool.clientId()).username(user.username())));
    }

    @Test
    void forgotPasswordWhenUnknownUserThenAnswersAsIfUserExisted() {
        TestPool pool = TestPools.pool();
        String email = Names.email("nobody");

        CodeDeliveryDetailsType delivery = anonymous.forgotPassword(b -> b.clientId(pool.clientId()).username(email))
                .codeDeliveryDetails();

        assertEquals(DeliveryMediumType.EMAIL, delivery.deliveryMedium());
        Expect.error(CodeMismatchException.class, () -> anonymous.confirmForgotPassword(b -> b.clientId(pool.clientId())
                .username(email).confirmationCode("123456").password(NEW_PASSWORD)));
    }

    @Test
    void forgotPasswordWhenUnknownUserAndExistenceErrorsShownThenUserNotFound() {
        TestPool pool = TestPools.pool();
        String clientId = TestPools.client(pool.id(), b -> b.preventUserExistenceErrors("LEGACY")).clientId();

        Expect.error(UserNotFoundException.class,
                () -> anonymous.forgotPassword(b -> b.clientId(clientId).username(Names.unique("nobody"))));
    }

    @Test
    void forgotPasswordWhenEmailNotVerifiedThenInvalidParameter() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool, TestUsers.attribute("email_verified", "false"));

        Expect.errorMentioning(InvalidParameterException.class, "no registered/verified email",
                () -> anonymous.forgotPassword(b -> b.clientId(pool.clientId()).username(user.username())));
    }

    @Test
    void forgotPasswordWhenPoolAllowsAdminOnlyRecoveryThenNotAuthorized() {
        TestPool pool = TestPools.pool(b -> b.accountRecoverySetting(r -> r.recoveryMechanisms(
                m -> m.name(RecoveryOptionNameType.ADMIN_ONLY).priority(1))));
        TestUser user = TestUsers.confirmed(pool);

        Expect.error(NotAuthorizedException.class,
                () -> anonymous.forgotPassword(b -> b.clientId(pool.clientId()).username(user.username())));
    }

    @Test
    void adminResetUserPasswordThenSignInNeedsResetAndCodeSetsNewPassword() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);

        Cognito.admin().adminResetUserPassword(b -> b.userPoolId(pool.id()).username(user.username()));

        assertEquals(UserStatusType.RESET_REQUIRED, Cognito.admin().adminGetUser(b -> b.userPoolId(pool.id())
                .username(user.username())).userStatus());
        Expect.error(PasswordResetRequiredException.class, () -> SignIn.password(pool, user));
        String code = Mailbox.of(user.email()).awaitCode();
        confirm(pool, user, code, NEW_PASSWORD);
        assertEquals(UserStatusType.CONFIRMED, Cognito.admin().adminGetUser(b -> b.userPoolId(pool.id())
                .username(user.username())).userStatus());
        assertNotNull(SignIn.password(pool.clientId(), user.username(), NEW_PASSWORD).accessToken());
    }

    @Test
    void adminResetUserPasswordWhenUnknownUserThenUserNotFound() {
        TestPool pool = TestPools.pool();

        Expect.error(UserNotFoundException.class, () -> Cognito.admin().adminResetUserPassword(b -> b
                .userPoolId(pool.id()).username("nobody")));
    }

    private void confirm(TestPool pool, TestUser user, String code, String password) {
        anonymous.confirmForgotPassword(b -> b.clientId(pool.clientId()).username(user.username())
                .confirmationCode(code).password(password));
    }
}
