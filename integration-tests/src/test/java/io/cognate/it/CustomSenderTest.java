package io.cognate.it;

import static io.cognate.it.support.TestUsers.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cloudevents.CloudEvent;
import io.cognate.it.support.Cognito;
import io.cognate.it.support.CustomSenders;
import io.cognate.it.support.Expect;
import io.cognate.it.support.LambdaShims;
import io.cognate.it.support.Mailbox;
import io.cognate.it.support.Names;
import io.cognate.it.support.SmsInbox;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.UserEvents;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * CustomEmailSender and CustomSMSSender: the code encrypted as Cognito encrypts it (the AWS Encryption SDK under the
 * pool's KMSKeyID), decrypted by unmodified handler code through Cognate's KMS-compatible Decrypt; one handler run by
 * trigger-gateway (it mails the code itself), one left to the user's own Kafka consumer.
 */
class CustomSenderTest {
    private final CognitoIdentityProviderClient anonymous = Cognito.anonymous();
    private final CognitoIdentityProviderClient admin = Cognito.admin();

    @BeforeAll
    static void handlers() {
        LambdaShims.start();
    }

    @Test
    void emailSenderWhenSignUpThenTheHandlerDecryptsTheCodeAndMailsItInCognatesPlace() {
        TestPool pool = TestPools.pool(b -> b.lambdaConfig(l -> l.kmsKeyID(CustomSenders.KEY_ARN)
                .customEmailSender(c -> c.lambdaVersion("V1_0").lambdaArn(LambdaShims.arn("custom-email-sender")))
                .customMessage(LambdaShims.arn("custom-message"))));
        String username = Names.unique("sender");
        String email = username + "@example.com";

        CodeDeliveryDetailsType delivery = anonymous.signUp(b -> b.clientId(pool.clientId()).username(username)
                .password(TestPools.PASSWORD).userAttributes(attribute("email", email))).codeDeliveryDetails();
        assertEquals(DeliveryMediumType.EMAIL, delivery.deliveryMedium());

        Mailbox.Mail mail = Mailbox.of(email).awaitMessages(1).get(0);
        assertEquals("Welcome: confirm your account", mail.subject(), "the handler's mail, not Cognate's");
        assertEquals("custom-sender@example.com", mail.from());
        String code = Mailbox.code(mail.body()).orElseThrow();
        anonymous.confirmSignUp(b -> b.clientId(pool.clientId()).username(username).confirmationCode(code));
        assertEquals(UserStatusType.CONFIRMED,
                admin.adminGetUser(b -> b.userPoolId(pool.id()).username(username)).userStatus());

        JsonNode event = LambdaShims.events("custom-email-sender", pool.id()).get(0);
        assertEquals("CustomEmailSender_SignUp", event.path("triggerSource").asText());
        assertEquals("customEmailSenderRequestV1", event.path("request").path("type").asText());
        assertEquals(email, event.path("request").path("userAttributes").path("email").asText());
        assertFalse(event.path("request").path("code").asText().contains(code), "the code travels encrypted");
        assertTrue(LambdaShims.events("custom-message", pool.id()).isEmpty(),
                "with a custom sender, CustomMessage is not run for that medium");
        // Its answer (nothing) is not read: the invocation is reported done.
        CloudEvent report = UserEvents.awaitTopicCloudEvents("cognate.triggers.invocations", pool.id(),
                found -> !found.isEmpty(), Duration.ofSeconds(15)).get(0);
        assertEquals("io.cognate.trigger.TriggerInvoked", report.getType());
    }

    @Test
    void smsSenderWhenMappedToKafkaThenTheUsersConsumerReadsTheEventAndDecryptsTheCode() {
        TestPool pool = TestPools.pool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.PHONE_NUMBER)
                .lambdaConfig(l -> l.kmsKeyID(CustomSenders.KEY_ARN)
                        .customSMSSender(c -> c.lambdaVersion("V1_0").lambdaArn(LambdaShims.arn("kafka-sms-sender")))));
        String username = Names.unique("texted");
        String phone = SmsInbox.uniqueNumber();

        CodeDeliveryDetailsType delivery = anonymous.signUp(b -> b.clientId(pool.clientId()).username(username)
                .password(TestPools.PASSWORD).clientMetadata(Map.of("campaign", "winter"))
                .userAttributes(attribute("email", username + "@example.com"), attribute("phone_number", phone)))
                .codeDeliveryDetails();
        assertEquals(DeliveryMediumType.SMS, delivery.deliveryMedium());

        JsonNode event = CustomSenders.awaitEvent(pool.id(), 1);
        assertEquals("1", event.path("version").asText());
        assertEquals("CustomSMSSender_SignUp", event.path("triggerSource").asText());
        assertEquals(pool.id(), event.path("userPoolId").asText());
        assertEquals(username, event.path("userName").asText());
        assertEquals(pool.clientId(), event.path("callerContext").path("clientId").asText());
        assertEquals("customSMSSenderRequestV1", event.path("request").path("type").asText());
        assertEquals(phone, event.path("request").path("userAttributes").path("phone_number").asText());
        JsonNode decrypted = CustomSenders.decrypt(event.path("request").path("code").asText());
        assertEquals(0x0478, decrypted.path("suiteId").asInt(), decrypted.toString());
        String code = decrypted.path("code").asText();
        assertTrue(code.matches("[0-9]{6}"), decrypted.toString());

        anonymous.confirmSignUp(b -> b.clientId(pool.clientId()).username(username).confirmationCode(code));
        assertEquals(UserStatusType.CONFIRMED,
                admin.adminGetUser(b -> b.userPoolId(pool.id()).username(username)).userStatus());
        assertTrue(LambdaShims.events("kafka-sms-sender").isEmpty(), "trigger-gateway left it to the consumer");
    }

    @Test
    void lambdaConfigWhenSendersGivenThenKmsKeyRequiredAndDescribed() {
        Expect.error(InvalidParameterException.class, "KMSKeyID is required when CustomSMSSender or "
                + "CustomEmailSender is set: the custom senders receive their codes encrypted under it.",
                () -> TestPools.createPool(b -> b.lambdaConfig(l -> l.customEmailSender(
                        c -> c.lambdaVersion("V1_0").lambdaArn(LambdaShims.arn("custom-email-sender"))))));
        Expect.errorMentioning(InvalidParameterException.class, "LambdaVersion",
                () -> TestPools.createPool(b -> b.lambdaConfig(l -> l.kmsKeyID(CustomSenders.KEY_ARN)
                        .customSMSSender(c -> c.lambdaVersion("V2_0").lambdaArn(LambdaShims.arn("record"))))));

        String poolId = TestPools.createPool(b -> b.lambdaConfig(l -> l.kmsKeyID(CustomSenders.KEY_ARN)
                .customSMSSender(c -> c.lambdaVersion("V1_0").lambdaArn(LambdaShims.arn("kafka-sms-sender")))));
        LambdaConfigType described = admin.describeUserPool(b -> b.userPoolId(poolId)).userPool().lambdaConfig();
        assertEquals(CustomSenders.KEY_ARN, described.kmsKeyID());
        assertEquals(LambdaShims.arn("kafka-sms-sender"), described.customSMSSender().lambdaArn());
        assertEquals("V1_0", described.customSMSSender().lambdaVersionAsString());
        assertNull(described.customEmailSender());
    }

    @Test
    void kmsDecryptWhenNotACustomSendersDataKeyThenInvalidCiphertext() {
        Stack stack = Stack.get();
        try (KmsClient kms = KmsClient.builder().endpointOverride(stack.userPoolEndpoint())
                .region(Region.of(stack.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(stack.adminAccessKeyId(), stack.adminSecretAccessKey())))
                .httpClient(UrlConnectionHttpClient.builder().build()).build()) {
            byte[] forged = new byte[80];
            forged[1] = 10;
            InvalidCiphertextException refused = assertThrows(InvalidCiphertextException.class,
                    () -> kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(forged))
                            .keyId(CustomSenders.KEY_ARN)));
            assertEquals(400, refused.statusCode());
        }
        try (KmsClient unsigned = KmsClient.builder().endpointOverride(stack.userPoolEndpoint())
                .region(Region.of(stack.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAFORGED000000",
                        "not-the-secret")))
                .httpClient(UrlConnectionHttpClient.builder().build()).build()) {
            KmsException refused = assertThrows(KmsException.class, () -> unsigned.decrypt(
                    b -> b.ciphertextBlob(SdkBytes.fromByteArray(Base64.getDecoder().decode("AAAA")))));
            assertEquals("UnrecognizedClientException", refused.awsErrorDetails().errorCode());
        }
    }
}
