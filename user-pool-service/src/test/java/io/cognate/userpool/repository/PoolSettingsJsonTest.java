package io.cognate.userpool.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cognate.userpool.model.ClientSettings;
import io.cognate.userpool.model.PoolSettings;

/** Settings rows as earlier releases stored them read as they were meant, and written back unchanged. */
class PoolSettingsJsonTest {
    /** A pool's settings as the release before typed settings stored them (PoolSettingsBuilder's output). */
    private static final String EARLIER_POOL = """
            {"Policies":{"PasswordPolicy":{"MinimumLength":10,"RequireUppercase":true,"RequireLowercase":true,\
            "RequireNumbers":false,"RequireSymbols":false,"TemporaryPasswordValidityDays":7}},\
            "DeletionProtection":"INACTIVE","MfaConfiguration":"OPTIONAL","LambdaConfig":{},\
            "AutoVerifiedAttributes":["email"],"VerificationMessageTemplate":{"EmailMessage":"Code {####}",\
            "DefaultEmailOption":"CONFIRM_WITH_CODE"},"AdminCreateUserConfig":{"AllowAdminCreateUserOnly":false,\
            "UnusedAccountValidityDays":7,"InviteMessageTemplate":{"SMSMessage":"Hi {username} {####}"}},\
            "UserPoolTags":{"cognate:rate-limit:UserRead":"5"},"UserPoolAddOns":{"AdvancedSecurityMode":"ENFORCED"},\
            "DeviceConfiguration":{"ChallengeRequiredOnNewDevice":true},"AliasAttributes":["email"],\
            "UsernameConfiguration":{"CaseSensitive":false},"SchemaAttributes":[{"Name":"sub",\
            "AttributeDataType":"String","DeveloperOnlyAttribute":false,"Mutable":false,"Required":true,\
            "StringAttributeConstraints":{"MinLength":"1","MaxLength":"2048"}},{"Name":"custom:level",\
            "AttributeDataType":"Number","DeveloperOnlyAttribute":false,"Mutable":true,"Required":false,\
            "NumberAttributeConstraints":{"MinValue":"0","MaxValue":"9"}}],\
            "SoftwareTokenMfaConfiguration":{"Enabled":true},"RiskConfiguration":{\
            "CompromisedCredentialsRiskConfiguration":{"EventFilter":["SIGN_UP"],"Actions":{"EventAction":"BLOCK"}},\
            "LastModifiedDate":1.7e9}}""";

    @Test
    void readWhenRowOfEarlierReleaseThenEverySettingAsMeant() {
        PoolSettings settings = PoolSettingsJson.read(EARLIER_POOL);

        assertEquals(10, settings.policies().passwordPolicy().minimumLength());
        assertNull(settings.policies().passwordPolicy().passwordHistorySize());
        assertEquals("OPTIONAL", settings.mfa().mode());
        assertEquals(Boolean.TRUE, settings.mfa().softwareToken());
        assertEquals(List.of("email"), settings.signIn().aliasAttributes());
        assertEquals(Boolean.FALSE, settings.signIn().caseSensitive());
        assertEquals("9", settings.signIn().schema().get(1).maxValue());
        assertEquals("Hi {username} {####}", settings.policies().adminCreateUser().invitation().smsMessage());
        assertEquals("5", settings.policies().tags().get("cognate:rate-limit:UserRead"));
        assertEquals(Boolean.TRUE, settings.policies().devices().challengeRequiredOnNewDevice());
        assertEquals(List.of("SIGN_UP"), settings.risk().eventFilter());
    }

    @Test
    void writeWhenReadFromEarlierRowThenTheSameDescription() throws Exception {
        JsonNode earlier = StoredJson.MAPPER.readTree(EARLIER_POOL);

        JsonNode written = PoolSettingsJson.write(PoolSettingsJson.read(EARLIER_POOL));

        assertEquals(earlier, written);
    }

    @Test
    void readWhenClientRowOfEarlierReleaseThenSettingsAndOAuthMembers() {
        ClientSettings settings = ClientSettingsJson.read("""
                {"RefreshTokenValidity":5,"AccessTokenValidity":1,"IdTokenValidity":1,"TokenValidityUnits":\
                {"AccessToken":"hours","IdToken":"hours","RefreshToken":"days"},"ExplicitAuthFlows":\
                ["ALLOW_USER_SRP_AUTH"],"PreventUserExistenceErrors":"LEGACY","EnableTokenRevocation":true,\
                "AuthSessionValidity":3,"CallbackURLs":["https://app.example/cb"],"AllowedOAuthFlows":["code"]}""");

        assertEquals("hours", settings.units().accessToken());
        assertEquals("LEGACY", settings.preventUserExistenceErrors());
        assertEquals(List.of("https://app.example/cb"), settings.oauth().callbackUrls());
        assertTrue(ClientSettingsJson.write(settings).has("AllowedOAuthFlows"));
    }
}
