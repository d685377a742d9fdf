package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

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
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/** Email verification codes: on change, on request, and held-back changes (AttributesRequireVerificationBeforeUpdate). */
class AttributeVerificationTest {
    private final CognitoIdentityProviderClient anonymous = Cognito.anonymous();

    @Test
    void updateEmailThenUnverifiedAndCodeToNewAddressVerifiesIt() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        String accessToken = SignIn.password(pool, user).accessToken();
        String newEmail = Names.email("moved");

        List<CodeDeliveryDetailsType> sent = anonymous.updateUserAttributes(b -> b.accessToken(accessToken)
                .userAttributes(TestUsers.attribute("email", newEmail))).codeDeliveryDetailsList();

        assertEquals(1, sent.size());
        assertEquals(DeliveryMediumType.EMAIL, sent.get(0).deliveryMedium());
        assertEquals("email", sent.get(0).attributeName());
        assertEquals("false", attribute(accessToken, "email_verified"));
        String code = Mailbox.of(newEmail).awaitCode();
        anonymous.verifyUserAttribute(b -> b.accessToken(accessToken).attributeName("email").code(code));
        assertEquals("true", attribute(accessToken, "email_verified"));
        assertEquals(newEmail, attribute(accessToken, "email"));
    }

    @Test
    void updateEmailWhenVerificationRequiredBeforeUpdateThenOldAddressStaysUntilCodeEntered() {
        TestPool pool = TestPools.pool(b -> b.userAttributeUpdateSettings(s -> s
                .attributesRequireVerificationBeforeUpdate(VerifiedAttributeType.EMAIL)));
        TestUser user = TestUsers.confirmed(pool);
        String accessToken = SignIn.password(pool, user).accessToken();
        String newEmail = Names.email("moved");

        anonymous.updateUserAttributes(b -> b.accessToken(accessToken)
                .userAttributes(TestUsers.attribute("email", newEmail)));

        assertEquals(user.email(), attribute(accessToken, "email"));
        assertEquals("true", attribute(accessToken, "email_verified"));
        String code = Mailbox.of(newEmail).awaitCode();
        anonymous.verifyUserAttribute(b -> b.accessToken(accessToken).attributeName("email").code(code));
        assertEquals(newEmail, attribute(accessToken, "email"));
        assertEquals("true", attribute(accessToken, "email_verified"));
    }

    @Test
    void getUserAttributeVerificationCodeThenCodeVerifiesTheEmail() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool, TestUsers.attribute("email_verified", "false"));
        String accessToken = SignIn.password(pool, user).accessToken();

        CodeDeliveryDetailsType delivery = anonymous.getUserAttributeVerificationCode(b -> b.accessToken(accessToken)
                .attributeName("email")).codeDeliveryDetails();

        assertEquals(DeliveryMediumType.EMAIL, delivery.deliveryMedium());
        String code = Mailbox.of(user.email()).awaitCode();
        String wrong = code.equals("000000") ? "111111" : "000000";
        Expect.error(CodeMismatchException.class, () -> anonymous.verifyUserAttribute(b -> b.accessToken(accessToken)
                .attributeName("email").code(wrong)));
        anonymous.verifyUserAttribute(b -> b.accessToken(accessToken).attributeName("email").code(code));
        assertEquals("true", attribute(accessToken, "email_verified"));
    }

    @Test
    void getUserAttributeVerificationCodeWhenAttributeNotVerifiableThenInvalidParameter() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        String accessToken = SignIn.password(pool, user).accessToken();

        Expect.error(InvalidParameterException.class, () -> anonymous.getUserAttributeVerificationCode(b -> b
                .accessToken(accessToken).attributeName("custom:team")));
    }

    private String attribute(String accessToken, String name) {
        return anonymous.getUser(b -> b.accessToken(accessToken)).userAttributes().stream()
                .filter(a -> a.name().equals(name)).map(AttributeType::value).findFirst().orElse(null);
    }
}
