package io.cognate.userpool.repository;

import static io.cognate.userpool.repository.StoredJson.bool;
import static io.cognate.userpool.repository.StoredJson.child;
import static io.cognate.userpool.repository.StoredJson.list;
import static io.cognate.userpool.repository.StoredJson.put;
import static io.cognate.userpool.repository.StoredJson.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.model.LambdaConfig;
import io.cognate.userpool.model.PasswordPolicy;
import io.cognate.userpool.model.PoolSettings;
import io.cognate.userpool.model.SchemaAttribute;

/**
 * A pool's settings as stored: Cognito's UserPoolType description, member for member (so DescribeUserPool answers it
 * as it is), plus the MFA methods and the risk configuration. Reads rows written by every release.
 */
public final class PoolSettingsJson {
    private PoolSettingsJson() {
    }

    public static PoolSettings read(String json) {
        JsonNode node = StoredJson.parse(json);
        return new PoolSettings(signIn(node), policies(node), mfa(node), risk(child(node, "RiskConfiguration")));
    }

    public static ObjectNode write(PoolSettings settings) {
        ObjectNode node = StoredJson.object();
        PoolSettings.Policies policies = settings.policies();
        node.putObject("Policies").set("PasswordPolicy", passwordPolicy(policies.passwordPolicy()));
        node.put("DeletionProtection", policies.deletionProtection());
        node.put("MfaConfiguration", settings.mfa().mode());
        writeLambdaConfig(node.putObject("LambdaConfig"), policies.lambda());
        put(node, "AutoVerifiedAttributes", policies.autoVerifiedAttributes());
        PoolSettings.Messages messages = policies.messages();
        ObjectNode template = node.putObject("VerificationMessageTemplate");
        PoolSettings.VerificationTemplate verification = messages.verification();
        put(template, "EmailMessage", verification.emailMessage());
        put(template, "EmailSubject", verification.emailSubject());
        put(template, "SmsMessage", verification.smsMessage());
        put(template, "EmailMessageByLink", verification.emailMessageByLink());
        put(template, "EmailSubjectByLink", verification.emailSubjectByLink());
        put(template, "DefaultEmailOption", verification.defaultEmailOption());
        put(node, "EmailVerificationMessage", messages.emailVerificationMessage());
        put(node, "EmailVerificationSubject", messages.emailVerificationSubject());
        ObjectNode adminCreateUser = node.putObject("AdminCreateUserConfig")
                .put("AllowAdminCreateUserOnly", policies.adminCreateUser().allowAdminCreateUserOnly())
                .put("UnusedAccountValidityDays", policies.adminCreateUser().unusedAccountValidityDays());
        PoolSettings.Invitation invitation = policies.adminCreateUser().invitation();
        if (invitation != null) {
            ObjectNode invite = adminCreateUser.putObject("InviteMessageTemplate");
            put(invite, "EmailMessage", invitation.emailMessage());
            put(invite, "EmailSubject", invitation.emailSubject());
            put(invite, "SMSMessage", invitation.smsMessage());
        }
        if (policies.tags() != null) {
            ObjectNode tags = node.putObject("UserPoolTags");
            policies.tags().forEach(tags::put);
        }
        if (policies.recovery() != null) {
            ArrayNode mechanisms = node.putObject("AccountRecoverySetting").putArray("RecoveryMechanisms");
            policies.recovery().forEach(r -> mechanisms.addObject().put("Priority", r.priority()).put("Name", r.name()));
        }
        if (policies.email() != null) {
            ObjectNode email = node.putObject("EmailConfiguration");
            put(email, "SourceArn", policies.email().sourceArn());
            put(email, "ReplyToEmailAddress", policies.email().replyToEmailAddress());
            put(email, "EmailSendingAccount", policies.email().emailSendingAccount());
            put(email, "From", policies.email().from());
            put(email, "ConfigurationSet", policies.email().configurationSet());
        }
        if (policies.sms() != null) {
            node.set("SmsConfiguration", smsConfiguration(policies.sms()));
        }
        put(node, "SmsVerificationMessage", messages.smsVerificationMessage());
        put(node, "SmsAuthenticationMessage", messages.smsAuthenticationMessage());
        if (policies.verifyBeforeUpdate() != null) {
            put(node.putObject("UserAttributeUpdateSettings"), "AttributesRequireVerificationBeforeUpdate",
                    policies.verifyBeforeUpdate());
        }
        put(node, "UserPoolTier", policies.tier());
        if (policies.advancedSecurityMode() != null) {
            node.putObject("UserPoolAddOns").put("AdvancedSecurityMode", policies.advancedSecurityMode());
        }
        if (policies.devices() != null) {
            ObjectNode devices = node.putObject("DeviceConfiguration");
            put(devices, "ChallengeRequiredOnNewDevice", policies.devices().challengeRequiredOnNewDevice());
            put(devices, "DeviceOnlyRememberedOnUserPrompt", policies.devices().deviceOnlyRememberedOnUserPrompt());
        }
        PoolSettings.SignIn signIn = settings.signIn();
        put(node, "UsernameAttributes", signIn.usernameAttributes());
        put(node, "AliasAttributes", signIn.aliasAttributes());
        if (signIn.caseSensitive() != null) {
            node.putObject("UsernameConfiguration").put("CaseSensitive", signIn.caseSensitive());
        }
        ArrayNode schema = node.putArray("SchemaAttributes");
        signIn.schema().forEach(attribute -> schema.add(schemaAttribute(attribute)));
        writeMfa(node, settings.mfa());
        if (settings.risk() != null) {
            writeRisk(node.putObject("RiskConfiguration"), settings.risk());
        }
        return node;
    }

    /** Cognito's SchemaAttributeType. */
    public static ObjectNode schemaAttribute(SchemaAttribute attribute) {
        ObjectNode node = StoredJson.object().put("Name", attribute.name())
                .put("AttributeDataType", attribute.dataType()).put("DeveloperOnlyAttribute", attribute.developerOnly())
                .put("Mutable", attribute.mutable()).put("Required", attribute.required());
        if (attribute.minLength() != null || attribute.maxLength() != null) {
            ObjectNode constraints = node.putObject("StringAttributeConstraints");
            put(constraints, "MinLength", attribute.minLength());
            put(constraints, "MaxLength", attribute.maxLength());
        }
        if ("Number".equals(attribute.dataType()) && (attribute.minValue() != null || attribute.maxValue() != null)) {
            ObjectNode constraints = node.putObject("NumberAttributeConstraints");
            put(constraints, "MinValue", attribute.minValue());
            put(constraints, "MaxValue", attribute.maxValue());
        }
        return node;
    }

    /** The MFA members as GetUserPoolMfaConfig and DescribeUserPool show them. */
    public static void writeMfa(ObjectNode node, PoolSettings.Mfa mfa) {
        if (mfa.softwareToken() != null) {
            node.putObject("SoftwareTokenMfaConfiguration").put("Enabled", mfa.softwareToken());
        }
        if (mfa.email() != null) {
            ObjectNode email = node.putObject("EmailMfaConfiguration");
            put(email, "Message", mfa.email().message());
            put(email, "Subject", mfa.email().subject());
        }
        if (mfa.sms() != null) {
            ObjectNode sms = node.putObject("SmsMfaConfiguration");
            put(sms, "SmsAuthenticationMessage", mfa.sms().smsAuthenticationMessage());
            if (mfa.sms().smsConfiguration() != null) {
                sms.set("SmsConfiguration", smsConfiguration(mfa.sms().smsConfiguration()));
            }
        }
    }

    /** The risk configuration as DescribeRiskConfiguration shows it. */
    public static void writeRisk(ObjectNode node, PoolSettings.Risk risk) {
        ObjectNode compromised = node.putObject("CompromisedCredentialsRiskConfiguration");
        put(compromised, "EventFilter", risk.eventFilter());
        compromised.putObject("Actions").put("EventAction", risk.eventAction());
        node.put("LastModifiedDate", risk.lastModified().toEpochMilli() / 1000.0);
    }

    private static ObjectNode smsConfiguration(PoolSettings.SmsConfiguration sms) {
        ObjectNode node = StoredJson.object();
        put(node, "SnsCallerArn", sms.snsCallerArn());
        put(node, "ExternalId", sms.externalId());
        put(node, "SnsRegion", sms.snsRegion());
        return node;
    }

    private static ObjectNode passwordPolicy(PasswordPolicy policy) {
        ObjectNode node = StoredJson.object().put("MinimumLength", policy.minimumLength())
                .put("RequireUppercase", policy.requireUppercase()).put("RequireLowercase", policy.requireLowercase())
                .put("RequireNumbers", policy.requireNumbers()).put("RequireSymbols", policy.requireSymbols());
        if (policy.passwordHistorySize() != null && policy.passwordHistorySize() > 0) {
            node.put("PasswordHistorySize", policy.passwordHistorySize());
        }
        return node.put("TemporaryPasswordValidityDays", policy.temporaryPasswordValidityDays());
    }

    private static PoolSettings.SignIn signIn(JsonNode node) {
        List<SchemaAttribute> schema = new ArrayList<>();
        node.path("SchemaAttributes").forEach(attribute -> schema.add(readSchemaAttribute(attribute)));
        JsonNode usernameConfiguration = child(node, "UsernameConfiguration");
        return new PoolSettings.SignIn(list(node, "UsernameAttributes"), list(node, "AliasAttributes"),
                usernameConfiguration == null ? null : bool(usernameConfiguration, "CaseSensitive"), List.copyOf(schema));
    }

    private static SchemaAttribute readSchemaAttribute(JsonNode node) {
        JsonNode s = node.path("StringAttributeConstraints");
        JsonNode n = node.path("NumberAttributeConstraints");
        return new SchemaAttribute(node.path("Name").asText(), node.path("AttributeDataType").asText("String"),
                node.path("Required").asBoolean(false), node.path("Mutable").asBoolean(true),
                node.path("DeveloperOnlyAttribute").asBoolean(false), text(s, "MinLength"), text(s, "MaxLength"),
                text(n, "MinValue"), text(n, "MaxValue"));
    }

    private static PoolSettings.Policies policies(JsonNode node) {
        JsonNode policy = node.path("Policies").path("PasswordPolicy");
        JsonNode history = policy.get("PasswordHistorySize");
        PasswordPolicy passwordPolicy = new PasswordPolicy(policy.path("MinimumLength").asInt(8),
                policy.path("RequireUppercase").asBoolean(true), policy.path("RequireLowercase").asBoolean(true),
                policy.path("RequireNumbers").asBoolean(true), policy.path("RequireSymbols").asBoolean(true),
                policy.path("TemporaryPasswordValidityDays").asInt(7), history == null ? null : history.asInt());
        JsonNode template = node.path("VerificationMessageTemplate");
        PoolSettings.Messages messages = new PoolSettings.Messages(new PoolSettings.VerificationTemplate(
                text(template, "SmsMessage"), text(template, "EmailMessage"), text(template, "EmailSubject"),
                text(template, "EmailMessageByLink"), text(template, "EmailSubjectByLink"),
                text(template, "DefaultEmailOption")), text(node, "EmailVerificationMessage"),
                text(node, "EmailVerificationSubject"), text(node, "SmsVerificationMessage"),
                text(node, "SmsAuthenticationMessage"));
        JsonNode admin = node.path("AdminCreateUserConfig");
        JsonNode invite = child(admin, "InviteMessageTemplate");
        PoolSettings.AdminCreateUser adminCreateUser = new PoolSettings.AdminCreateUser(
                admin.path("AllowAdminCreateUserOnly").asBoolean(false), admin.path("UnusedAccountValidityDays").asInt(7),
                invite == null ? null
                        : new PoolSettings.Invitation(text(invite, "EmailMessage"),
                                text(invite, "EmailSubject"), text(invite, "SMSMessage")));
        JsonNode email = child(node, "EmailConfiguration");
        JsonNode devices = child(node, "DeviceConfiguration");
        JsonNode updateSettings = child(node, "UserAttributeUpdateSettings");
        return new PoolSettings.Policies(passwordPolicy, node.path("DeletionProtection").asText("INACTIVE"),
                list(node, "AutoVerifiedAttributes"), messages, adminCreateUser, tags(child(node, "UserPoolTags")),
                recovery(child(node, "AccountRecoverySetting")),
                email == null ? null
                        : new PoolSettings.EmailConfiguration(text(email, "SourceArn"),
                                text(email, "ReplyToEmailAddress"), text(email, "EmailSendingAccount"), text(email, "From"),
                                text(email, "ConfigurationSet")),
                sms(child(node, "SmsConfiguration")),
                updateSettings == null ? null
                        : orEmpty(list(updateSettings, "AttributesRequireVerificationBeforeUpdate")),
                text(node, "UserPoolTier"), text(node.path("UserPoolAddOns"), "AdvancedSecurityMode"),
                devices == null ? null
                        : new PoolSettings.Devices(bool(devices, "ChallengeRequiredOnNewDevice"),
                                bool(devices, "DeviceOnlyRememberedOnUserPrompt")),
                lambdaConfig(node.path("LambdaConfig")));
    }

    /** LambdaConfig as Cognito describes it: PreTokenGeneration in both its older and its versioned member. */
    private static void writeLambdaConfig(ObjectNode node, LambdaConfig lambda) {
        put(node, "PreSignUp", lambda.preSignUp());
        put(node, "PostConfirmation", lambda.postConfirmation());
        put(node, "PreAuthentication", lambda.preAuthentication());
        put(node, "PostAuthentication", lambda.postAuthentication());
        put(node, "DefineAuthChallenge", lambda.defineAuthChallenge());
        put(node, "CreateAuthChallenge", lambda.createAuthChallenge());
        put(node, "VerifyAuthChallengeResponse", lambda.verifyAuthChallengeResponse());
        put(node, "CustomMessage", lambda.customMessage());
        put(node, "UserMigration", lambda.userMigration());
        put(node, "KMSKeyID", lambda.kmsKeyId());
        putSender(node, "CustomSMSSender", lambda.customSmsSender());
        putSender(node, "CustomEmailSender", lambda.customEmailSender());
        putSender(node, "InboundFederation", lambda.inboundFederation());
        if (lambda.preTokenGeneration() != null) {
            node.put("PreTokenGeneration", lambda.preTokenGeneration());
            node.putObject("PreTokenGenerationConfig").put("LambdaVersion", lambda.preTokenGenerationVersion())
                    .put("LambdaArn", lambda.preTokenGeneration());
        }
    }

    private static void putSender(ObjectNode node, String name, String arn) {
        if (arn != null) {
            node.putObject(name).put("LambdaVersion", "V1_0").put("LambdaArn", arn);
        }
    }

    private static LambdaConfig lambdaConfig(JsonNode node) {
        JsonNode preToken = node.path("PreTokenGenerationConfig");
        return new LambdaConfig(text(node, "PreSignUp"), text(node, "PostConfirmation"),
                text(node, "PreAuthentication"), text(node, "PostAuthentication"), text(node, "PreTokenGeneration"),
                preToken.isObject() ? text(preToken, "LambdaVersion") : null, text(node, "DefineAuthChallenge"),
                text(node, "CreateAuthChallenge"), text(node, "VerifyAuthChallengeResponse"),
                text(node, "CustomMessage"), text(node, "UserMigration"),
                text(node.path("CustomSMSSender"), "LambdaArn"), text(node.path("CustomEmailSender"), "LambdaArn"),
                text(node, "KMSKeyID"), text(node.path("InboundFederation"), "LambdaArn"));
    }

    private static Map<String, String> tags(JsonNode node) {
        if (node == null) {
            return null;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        return tags;
    }

    private static List<PoolSettings.Recovery> recovery(JsonNode node) {
        if (node == null) {
            return null;
        }
        List<PoolSettings.Recovery> mechanisms = new ArrayList<>();
        node.path("RecoveryMechanisms").forEach(m -> mechanisms.add(new PoolSettings.Recovery(
                m.path("Priority").asInt(Integer.MAX_VALUE), m.path("Name").asText())));
        return List.copyOf(mechanisms);
    }

    private static PoolSettings.SmsConfiguration sms(JsonNode node) {
        return node == null ? null
                : new PoolSettings.SmsConfiguration(text(node, "SnsCallerArn"),
                        text(node, "ExternalId"), text(node, "SnsRegion"));
    }

    private static PoolSettings.Mfa mfa(JsonNode node) {
        JsonNode email = child(node, "EmailMfaConfiguration");
        JsonNode sms = child(node, "SmsMfaConfiguration");
        JsonNode softwareToken = child(node, "SoftwareTokenMfaConfiguration");
        return new PoolSettings.Mfa(node.path("MfaConfiguration").asText("OFF"),
                softwareToken == null ? null : softwareToken.path("Enabled").asBoolean(false),
                email == null ? null : new PoolSettings.EmailMfa(text(email, "Message"), text(email, "Subject")),
                sms == null ? null
                        : new PoolSettings.SmsMfa(text(sms, "SmsAuthenticationMessage"),
                                sms(child(sms, "SmsConfiguration"))));
    }

    private static PoolSettings.Risk risk(JsonNode node) {
        if (node == null || child(node, "CompromisedCredentialsRiskConfiguration") == null) {
            return null;
        }
        JsonNode compromised = node.get("CompromisedCredentialsRiskConfiguration");
        double modified = node.path("LastModifiedDate").asDouble(0);
        return new PoolSettings.Risk(list(compromised, "EventFilter"),
                compromised.path("Actions").path("EventAction").asText(),
                Instant.ofEpochMilli(Math.round(modified * 1000)));
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
