package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Names;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.SmsInbox;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RecoveryOptionNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Text messages go to the SMS topic on the real Kafka broker (a CloudEvent keyed by phone number, for an SMS
 * gateway); the tests read them there as the gateway would.
 */
class SmsTest {
    private final CognitoIdentityProviderClient anonymous = Cognito.anonymous();

    @Test
    void signUpWhenPoolVerifiesPhoneThenCodeBySmsConfirmsAndVerifiesThePhone() {
        TestPool pool = TestPools.pool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.PHONE_NUMBER));
        String phone = SmsInbox.uniqueNumber();
        String username = Names.unique("user");

        SignUpResponse signedUp = anonymous.signUp(b -> b.clientId(pool.clientId()).username(username)
                .password(TestPools.PASSWORD).userAttributes(TestUsers.attribute("email", Names.email("user")),
                        TestUsers.attribute("phone_number", phone)));

        assertEquals(DeliveryMediumType.SMS, signedUp.codeDeliveryDetails().deliveryMedium());
        assertEquals("phone_number", signedUp.codeDeliveryDetails().attributeName());
        assertTrue(signedUp.codeDeliveryDetails().destination().endsWith(phone.substring(phone.length() - 4)));
        JsonNode sms = SmsInbox.awaitMessage(phone, 1).cloudEvent();
        assertEquals("io.cognate.userpool.SmsMessage", sms.path("type").asText());
        assertEquals(pool.id(), sms.path("data").path("userPoolId").asText());
        String code = SmsInbox.awaitCode(phone, 1);
        anonymous.confirmSignUp(b -> b.clientId(pool.clientId()).username(username).confirmationCode(code));
        assertEquals("true", TestUsers.attribute(Cognito.admin().adminGetUser(b -> b.userPoolId(pool.id())
                .username(username)).userAttributes(), "phone_number_verified"));
    }

    @Test
    void getUserAttributeVerificationCodeForPhoneThenSmsCodeVerifiesIt() {
        TestPool pool = TestPools.pool();
        String phone = SmsInbox.uniqueNumber();
        TestUser user = TestUsers.confirmed(pool, TestUsers.attribute("phone_number", phone));
        String accessToken = SignIn.password(pool, user).accessToken();

        CodeDeliveryDetailsType delivery = anonymous.getUserAttributeVerificationCode(b -> b.accessToken(accessToken)
                .attributeName("phone_number")).codeDeliveryDetails();

        assertEquals(DeliveryMediumType.SMS, delivery.deliveryMedium());
        String code = SmsInbox.awaitCode(phone, 1);
        anonymous.verifyUserAttribute(b -> b.accessToken(accessToken).attributeName("phone_number").code(code));
        assertEquals("true", anonymous.getUser(b -> b.accessToken(accessToken)).userAttributes().stream()
                .filter(a -> a.name().equals("phone_number_verified")).map(AttributeType::value).findFirst()
                .orElse(null));
    }

    @Test
    void smsMfaThenCodeFromTheSmsTopicSignsIn() {
        TestPool pool = TestPools.pool();
        Cognito.admin().setUserPoolMfaConfig(b -> b.userPoolId(pool.id()).mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .smsMfaConfiguration(s -> s.smsAuthenticationMessage("Sign-in code {####}")));
        String phone = SmsInbox.uniqueNumber();
        TestUser user = TestUsers.confirmed(pool, TestUsers.attribute("phone_number", phone),
                TestUsers.attribute("phone_number_verified", "true"));
        Cognito.admin().adminSetUserMFAPreference(b -> b.userPoolId(pool.id()).username(user.username())
                .smsMfaSettings(s -> s.enabled(true).preferredMfa(true)));

        InitiateAuthResponse challenge = anonymous.initiateAuth(b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", user.username(), "PASSWORD", user.password())));

        assertEquals(ChallengeNameType.SMS_MFA, challenge.challengeName());
        assertEquals("SMS", challenge.challengeParameters().get("CODE_DELIVERY_DELIVERY_MEDIUM"));
        assertTrue(SmsInbox.awaitMessage(phone, 1).cloudEvent().path("data").path("message").asText()
                .startsWith("Sign-in code "));
        String code = SmsInbox.awaitCode(phone, 1);
        assertNotNull(anonymous.respondToAuthChallenge(b -> b.clientId(pool.clientId())
                .challengeName(ChallengeNameType.SMS_MFA).session(challenge.session())
                .challengeResponses(Map.of("USERNAME", user.username(), "SMS_MFA_CODE", code)))
                .authenticationResult().accessToken());
    }

    @Test
    void forgotPasswordWhenRecoveryByPhoneThenCodeBySms() {
        TestPool pool = TestPools.pool(b -> b.accountRecoverySetting(r -> r.recoveryMechanisms(
                m -> m.name(RecoveryOptionNameType.VERIFIED_PHONE_NUMBER).priority(1),
                m -> m.name(RecoveryOptionNameType.VERIFIED_EMAIL).priority(2))));
        String phone = SmsInbox.uniqueNumber();
        TestUser user = TestUsers.confirmed(pool, TestUsers.attribute("phone_number", phone),
                TestUsers.attribute("phone_number_verified", "true"));

        CodeDeliveryDetailsType delivery = anonymous.forgotPassword(b -> b.clientId(pool.clientId())
                .username(user.username())).codeDeliveryDetails();

        assertEquals(DeliveryMediumType.SMS, delivery.deliveryMedium());
        String code = SmsInbox.awaitCode(phone, 1);
        anonymous.confirmForgotPassword(b -> b.clientId(pool.clientId()).username(user.username())
                .confirmationCode(code).password("Battery-Staple-77"));
        assertNotNull(SignIn.password(pool.clientId(), user.username(), "Battery-Staple-77").accessToken());
    }
}
