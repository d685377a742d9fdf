package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.Names;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdvancedSecurityModeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CompromisedCredentialsEventActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventFilterType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * CreateUserPool, UpdateUserPool and AddCustomAttributes as Cognito takes them: what they honour, what they refuse
 * with the member named, and Cognito's schema rules with its messages.
 */
class PoolSettingsTest {
    private final CognitoIdentityProviderClient admin = Cognito.admin();

    @Test
    void createUserPoolWhenMfaOnWithSmsConfigurationThenSmsMfaIsThePoolsMethod() {
        TestPool pool = TestPools.pool(b -> b.mfaConfiguration(UserPoolMfaType.ON)
                .smsConfiguration(s -> s.snsCallerArn("arn:aws:iam::123456789012:role/sns-caller").externalId("x"))
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL, VerifiedAttributeType.PHONE_NUMBER));

        var mfa = admin.getUserPoolMfaConfig(b -> b.userPoolId(pool.id()));
        assertEquals(UserPoolMfaType.ON, mfa.mfaConfiguration());
        assertEquals("arn:aws:iam::123456789012:role/sns-caller", mfa.smsMfaConfiguration().smsConfiguration()
                .snsCallerArn());
    }

    @Test
    void createUserPoolWhenMfaOnWithoutSmsConfigurationThenInvalidParameter() {
        Expect.error(InvalidParameterException.class,
                "SMS configuration and Auto verification for phone_number are required when MFA is required/optional",
                () -> TestPools.createPool(b -> b.mfaConfiguration(UserPoolMfaType.OPTIONAL)));
    }

    @Test
    void updateUserPoolWhenRiskConfigurationSetThenItStays() {
        TestPool pool = TestPools.pool(b -> b.userPoolAddOns(a -> a.advancedSecurityMode(AdvancedSecurityModeType.ENFORCED)));
        admin.setRiskConfiguration(b -> b.userPoolId(pool.id()).compromisedCredentialsRiskConfiguration(c -> c
                .eventFilter(EventFilterType.SIGN_UP)
                .actions(a -> a.eventAction(CompromisedCredentialsEventActionType.BLOCK))));

        admin.updateUserPool(b -> b.userPoolId(pool.id()).autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .userPoolAddOns(a -> a.advancedSecurityMode(AdvancedSecurityModeType.ENFORCED)));

        var risk = admin.describeRiskConfiguration(b -> b.userPoolId(pool.id())).riskConfiguration();
        assertNotNull(risk.compromisedCredentialsRiskConfiguration(), "UpdateUserPool wiped the risk configuration");
        assertEquals(java.util.List.of(EventFilterType.SIGN_UP), risk.compromisedCredentialsRiskConfiguration()
                .eventFilter());
    }

    @Test
    void updateUserPoolWhenPoliciesLeftOutThenPasswordPolicyStays() {
        TestPool pool = TestPools.pool(b -> b.policies(p -> p.passwordPolicy(pp -> pp.minimumLength(12)
                .passwordHistorySize(3))));

        admin.updateUserPool(b -> b.userPoolId(pool.id()).autoVerifiedAttributes(VerifiedAttributeType.EMAIL));

        UserPoolType described = admin.describeUserPool(b -> b.userPoolId(pool.id())).userPool();
        assertEquals(12, described.policies().passwordPolicy().minimumLength());
        assertEquals(3, described.policies().passwordPolicy().passwordHistorySize());
    }

    @Test
    void createUserPoolWhenPasswordHistorySizeOutOfRangeThenInvalidParameter() {
        Expect.errorMentioning(InvalidParameterException.class, "passwordHistorySize", () -> TestPools.createPool(
                b -> b.policies(p -> p.passwordPolicy(pp -> pp.minimumLength(8).passwordHistorySize(25)))));
    }

    @Test
    void schemaWhenCustomAttributeHasNoDataTypeThenInvalidParameter() {
        Expect.error(InvalidParameterException.class, "Invalid AttributeDataType input, consider using the provided "
                + "AttributeDataType enum.",
                () -> createWithSchema(SchemaAttributeType.builder().name("tier")
                        .build()));
    }

    @Test
    void schemaWhenStringConstraintsInvertedThenInvalidParameter() {
        Expect.error(InvalidParameterException.class, "custom:tier: Max length cannot be less than min length.",
                () -> createWithSchema(custom("tier", AttributeDataType.STRING, s -> s.stringAttributeConstraints(c -> c
                        .minLength("10").maxLength("5")))));
    }

    @Test
    void schemaWhenStringMaxLengthOver2048ThenInvalidParameter() {
        Expect.error(InvalidParameterException.class, "custom:tier: String attributes cannot have a length of more "
                + "than 2048",
                () -> createWithSchema(custom("tier", AttributeDataType.STRING,
                        s -> s.stringAttributeConstraints(c -> c.maxLength("4096")))));
    }

    @Test
    void schemaWhenStringConstraintNotANumberThenInvalidParameter() {
        Expect.error(InvalidParameterException.class, "Invalid StringAttributeConstraints for schema attribute "
                + "custom:tier",
                () -> createWithSchema(custom("tier", AttributeDataType.STRING,
                        s -> s.stringAttributeConstraints(c -> c.maxLength("many")))));
    }

    @Test
    void schemaWhenNumberConstraintsInvertedOrNotNumbersThenInvalidParameter() {
        Expect.error(InvalidParameterException.class, "custom:level: Max value cannot be less than min value.",
                () -> createWithSchema(custom("level", AttributeDataType.NUMBER, s -> s.numberAttributeConstraints(c -> c
                        .minValue("10").maxValue("1")))));
        Expect.error(InvalidParameterException.class, "Invalid NumberAttributeConstraints for schema attribute "
                + "custom:level",
                () -> createWithSchema(custom("level", AttributeDataType.NUMBER,
                        s -> s.numberAttributeConstraints(c -> c.minValue("low")))));
    }

    @Test
    void schemaWhenStandardAttributeRedefinedThenInvalidParameter() {
        String message = "You can not change AttributeDataType or set developerOnlyAttribute for standard schema "
                + "attribute email";
        Expect.error(InvalidParameterException.class, message, () -> createWithSchema(SchemaAttributeType.builder()
                .name("email").attributeDataType(AttributeDataType.NUMBER).build()));
        Expect.error(InvalidParameterException.class, message, () -> createWithSchema(SchemaAttributeType.builder()
                .name("email").attributeDataType(AttributeDataType.STRING).developerOnlyAttribute(true).build()));
    }

    @Test
    void schemaWhenNameTwiceOrCustomRequiredThenInvalidParameter() {
        Expect.errorMentioning(InvalidParameterException.class, "tier", () -> createWithSchema(
                custom("tier", AttributeDataType.STRING, s -> {
                }), custom("tier", AttributeDataType.NUMBER, s -> {
                })));
        Expect.error(InvalidParameterException.class, "Required custom attributes are not supported currently.",
                () -> createWithSchema(custom("tier", AttributeDataType.STRING, s -> s.required(true))));
    }

    @Test
    void addCustomAttributesWhenNameExistsOrPastFiftyThenInvalidParameter() {
        TestPool pool = TestPools.pool();
        Expect.error(InvalidParameterException.class, "custom:team: Existing attribute already has name custom:team.",
                () -> admin.addCustomAttributes(b -> b.userPoolId(pool.id())
                        .customAttributes(custom("team", AttributeDataType.STRING, s -> {
                        }))));
        for (int batch = 0; batch < 2; batch++) {
            int first = batch * 25;
            admin.addCustomAttributes(b -> b.userPoolId(pool.id()).customAttributes(java.util.stream.IntStream
                    .range(first, first + 25).filter(i -> i < 49).mapToObj(i -> custom("a" + i, AttributeDataType.STRING,
                            s -> {
                            }))
                    .toList()));
        }
        Expect.error(InvalidParameterException.class, "The user pool has reached the limit of 50 custom attributes.",
                () -> admin.addCustomAttributes(b -> b.userPoolId(pool.id())
                        .customAttributes(custom("one-too-many", AttributeDataType.STRING, s -> {
                        }))));
    }

    @Test
    void createUserPoolWhenPasswordlessOrConfigurationSetThenRefusedNamingTheMember() {
        Expect.errorMentioning(InvalidParameterException.class, "SignInPolicy", () -> TestPools.createPool(
                b -> b.policies(p -> p.passwordPolicy(pp -> pp.minimumLength(8)).signInPolicy(s -> s
                        .allowedFirstAuthFactorsWithStrings("PASSWORD", "EMAIL_OTP")))));
        Expect.errorMentioning(InvalidParameterException.class, "ConfigurationSet", () -> TestPools.createPool(
                b -> b.emailConfiguration(e -> e.configurationSet("set-1"))));
        // An empty LambdaConfig configures no trigger, and is taken.
        assertNotNull(TestPools.createPool(b -> b.lambdaConfig(l -> {
        })));
    }

    @Test
    void createUserPoolWhenTagsTierAndRecoveryGivenThenDescribedAsGiven() {
        TestPool pool = TestPools.pool(b -> b.userPoolTags(Map.of("team", "identity")).userPoolTier("PLUS")
                .accountRecoverySetting(r -> r.recoveryMechanisms(m -> m.name("admin_only").priority(1))));

        UserPoolType described = admin.describeUserPool(b -> b.userPoolId(pool.id())).userPool();
        assertEquals("identity", described.userPoolTags().get("team"));
        assertEquals("PLUS", described.userPoolTierAsString());
        assertEquals("admin_only", described.accountRecoverySetting().recoveryMechanisms().get(0).nameAsString());
    }

    private void createWithSchema(SchemaAttributeType... attributes) {
        admin.createUserPool(b -> b.poolName(Names.unique("it-pool")).schema(attributes));
    }

    private static SchemaAttributeType custom(String name, AttributeDataType type,
            Consumer<SchemaAttributeType.Builder> customize) {
        SchemaAttributeType.Builder attribute = SchemaAttributeType.builder().name(name).attributeDataType(type)
                .mutable(true);
        customize.accept(attribute);
        return attribute.build();
    }

}
