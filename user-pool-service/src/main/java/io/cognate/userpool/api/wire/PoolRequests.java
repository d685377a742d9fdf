package io.cognate.userpool.api.wire;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.cognate.userpool.api.Params;
import io.cognate.userpool.model.LambdaConfig;
import io.cognate.userpool.model.PasswordPolicy;
import io.cognate.userpool.model.PoolSettings;
import io.cognate.userpool.model.SchemaAttributeInput;
import io.cognate.userpool.service.NewPool;
import io.cognate.userpool.service.PoolMfaChange;
import io.cognate.userpool.service.PoolUpdate;

/**
 * CreateUserPool, UpdateUserPool, AddCustomAttributes, SetUserPoolMfaConfig and SetRiskConfiguration read against
 * Cognito's model, with its defaults for what a request leaves out. Members Cognate does not implement yet (some
 * Lambda triggers, passwordless sign-in, SES configuration sets, custom-auth threat protection, WebAuthn) are refused.
 */
public final class PoolRequests {
    private static final Pattern ARN = Pattern.compile("arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:"
            + "[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?");
    private static final List<String> CONTACTS = List.of("phone_number", "email");
    private static final List<String> MFA_MODES = List.of("OFF", "ON", "OPTIONAL");

    private PoolRequests() {
    }

    public static NewPool createUserPool(Params p) {
        String name = p.required("PoolName", 1, 128, Params.NAME);
        PoolSettings.Policies policies = policies(p, true);
        String mfa = p.optionalEnum("MfaConfiguration", MFA_MODES);
        List<String> usernameAttributes = p.enumList("UsernameAttributes", CONTACTS);
        List<String> aliasAttributes = p.enumList("AliasAttributes", List.of("phone_number", "email",
                "preferred_username"));
        Params usernameConfiguration = p.nested("UsernameConfiguration");
        Boolean caseSensitive = usernameConfiguration == null ? null
                : usernameConfiguration.requiredBoolean("CaseSensitive");
        List<SchemaAttributeInput> schema = p.objectList("Schema", 50, PoolRequests::schemaAttribute);
        return new NewPool(name, policies, mfa, distinct(usernameAttributes), distinct(aliasAttributes), caseSensitive,
                schema == null ? List.of() : schema);
    }

    public static PoolUpdate updateUserPool(Params p) {
        String poolId = p.userPoolId();
        String name = p.optional("PoolName", 1, 128, Params.NAME);
        return new PoolUpdate(poolId, name, policies(p, false), p.optionalEnum("MfaConfiguration", MFA_MODES));
    }

    public record CustomAttributes(String poolId, List<SchemaAttributeInput> attributes) {
    }

    public static CustomAttributes addCustomAttributes(Params p) {
        String poolId = p.userPoolId();
        List<SchemaAttributeInput> attributes = p.objectList("CustomAttributes", 25, PoolRequests::schemaAttribute);
        if (attributes == null || attributes.isEmpty()) {
            throw INVALID_PARAMETER.withMessage("1 validation error detected: Value null at 'customAttributes' failed "
                    + "to satisfy constraint: Member must not be null");
        }
        return new CustomAttributes(poolId, attributes);
    }

    public record MfaConfig(String poolId, PoolMfaChange change) {
    }

    public static MfaConfig setUserPoolMfaConfig(Params p) {
        String poolId = p.userPoolId();
        String mode = p.optionalEnum("MfaConfiguration", MFA_MODES);
        Params softwareToken = p.nested("SoftwareTokenMfaConfiguration");
        Params email = p.nested("EmailMfaConfiguration");
        Params sms = p.nested("SmsMfaConfiguration");
        p.refuse("WebAuthnConfiguration", "WebAuthn (WebAuthnConfiguration)");
        PoolSettings.EmailMfa emailMfa = null;
        if (email != null) {
            String message = template(email, "Message", 6, 20000);
            emailMfa = new PoolSettings.EmailMfa(message, email.optional("Subject", 1, 140));
        }
        PoolSettings.SmsMfa smsMfa = null;
        if (sms != null) {
            smsMfa = new PoolSettings.SmsMfa(template(sms, "SmsAuthenticationMessage", 6, 140),
                    smsConfiguration(sms.nested("SmsConfiguration")));
        }
        return new MfaConfig(poolId, new PoolMfaChange(mode, softwareToken == null ? null
                : softwareToken.flag("Enabled"), emailMfa, smsMfa));
    }

    public record RiskConfig(String poolId, PoolSettings.Risk risk) {
    }

    public static RiskConfig setRiskConfiguration(Params p) {
        String poolId = p.userPoolId();
        p.refuse("ClientId", "Risk configurations per app client (ClientId)");
        p.refuse("AccountTakeoverRiskConfiguration", "Adaptive authentication (AccountTakeoverRiskConfiguration)");
        p.refuse("RiskExceptionConfiguration", "IP exceptions (RiskExceptionConfiguration)");
        Params compromised = p.nested("CompromisedCredentialsRiskConfiguration");
        if (compromised == null) {
            return new RiskConfig(poolId, null);
        }
        List<String> filter = compromised.enumList("EventFilter", List.of("SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"));
        Params actions = compromised.nested("Actions");
        String action = actions == null ? null : actions.requiredEnum("EventAction", List.of("BLOCK", "NO_ACTION"));
        if (action == null) {
            throw INVALID_PARAMETER.withMessage("1 validation error detected: Value null at "
                    + "'compromisedCredentialsRiskConfiguration.actions' failed to satisfy constraint: Member must not "
                    + "be null");
        }
        return new RiskConfig(poolId, new PoolSettings.Risk(filter, action, Instant.now()));
    }

    /**
     * The members CreateUserPool and UpdateUserPool share. UpdateUserPool keeps the password policy it leaves out
     * (null here), as Cognito does; every other member returns to its default.
     */
    private static PoolSettings.Policies policies(Params p, boolean creating) {
        Params policies = p.nested("Policies");
        PasswordPolicy passwordPolicy = policies == null ? null : passwordPolicy(policies);
        if (passwordPolicy == null && creating) {
            passwordPolicy = PasswordPolicy.DEFAULT;
        }
        LambdaConfig lambda = lambdaConfig(p.nested("LambdaConfig"));
        String deletionProtection = p.optionalEnum("DeletionProtection", List.of("ACTIVE", "INACTIVE"));
        List<String> autoVerified = p.enumList("AutoVerifiedAttributes", CONTACTS);
        Params attributeUpdate = p.nested("UserAttributeUpdateSettings");
        Params devices = p.nested("DeviceConfiguration");
        Params addOns = p.nested("UserPoolAddOns");
        String securityMode = null;
        if (addOns != null) {
            securityMode = addOns.requiredEnum("AdvancedSecurityMode", List.of("OFF", "AUDIT", "ENFORCED"));
            addOns.refuse("AdvancedSecurityAdditionalFlows", "Threat protection for custom authentication "
                    + "(AdvancedSecurityAdditionalFlows)");
        }
        return new PoolSettings.Policies(passwordPolicy, deletionProtection == null ? "INACTIVE" : deletionProtection,
                distinct(autoVerified), messages(p), adminCreateUser(p.nested("AdminCreateUserConfig")), tags(p),
                recovery(p.nested("AccountRecoverySetting")), email(p.nested("EmailConfiguration")),
                smsConfiguration(p.nested("SmsConfiguration")),
                attributeUpdate == null ? null
                        : orEmpty(attributeUpdate.enumList(
                                "AttributesRequireVerificationBeforeUpdate", CONTACTS)),
                p.optionalEnum("UserPoolTier", List.of("LITE", "ESSENTIALS", "PLUS")), securityMode,
                devices == null ? null
                        : new PoolSettings.Devices(devices.optionalBoolean("ChallengeRequiredOnNewDevice"),
                                devices.optionalBoolean("DeviceOnlyRememberedOnUserPrompt")),
                lambda);
    }

    /**
     * LambdaConfig: the triggers trigger-gateway runs, each a function ARN.
     */
    private static LambdaConfig lambdaConfig(Params lambda) {
        if (lambda == null) {
            return LambdaConfig.NONE;
        }
        String preToken = lambda.optional("PreTokenGeneration", 20, 2048, ARN);
        String version = preToken == null ? null : "V1_0";
        Params config = lambda.nested("PreTokenGenerationConfig");
        if (config != null) {
            version = config.requiredEnum("LambdaVersion", List.of("V1_0", "V2_0", "V3_0"));
            String arn = config.required("LambdaArn", 20, 2048, ARN);
            if (preToken != null && !preToken.equals(arn)) {
                throw INVALID_PARAMETER.withMessage("PreTokenGeneration and PreTokenGenerationConfig.LambdaArn must "
                        + "be identical.");
            }
            preToken = arn;
        }
        String smsSender = sender(lambda.nested("CustomSMSSender"));
        String emailSender = sender(lambda.nested("CustomEmailSender"));
        String kmsKeyId = lambda.optional("KMSKeyID", 20, 2048, ARN);
        if ((smsSender != null || emailSender != null) && kmsKeyId == null) {
            throw INVALID_PARAMETER.withMessage("KMSKeyID is required when CustomSMSSender or CustomEmailSender is "
                    + "set: the custom senders receive their codes encrypted under it.");
        }
        return new LambdaConfig(lambda.optional("PreSignUp", 20, 2048, ARN),
                lambda.optional("PostConfirmation", 20, 2048, ARN),
                lambda.optional("PreAuthentication", 20, 2048, ARN),
                lambda.optional("PostAuthentication", 20, 2048, ARN), preToken, version,
                lambda.optional("DefineAuthChallenge", 20, 2048, ARN),
                lambda.optional("CreateAuthChallenge", 20, 2048, ARN),
                lambda.optional("VerifyAuthChallengeResponse", 20, 2048, ARN),
                lambda.optional("CustomMessage", 20, 2048, ARN), lambda.optional("UserMigration", 20, 2048, ARN),
                smsSender, emailSender, kmsKeyId, sender(lambda.nested("InboundFederation")));
    }

    /** CustomSMSSender, CustomEmailSender or InboundFederation: its function ARN (V1_0 is the only version). */
    private static String sender(Params sender) {
        if (sender == null) {
            return null;
        }
        sender.requiredEnum("LambdaVersion", List.of("V1_0"));
        return sender.required("LambdaArn", 20, 2048, ARN);
    }

    private static PasswordPolicy passwordPolicy(Params policies) {
        policies.refuse("SignInPolicy", "Passwordless sign-in (Policies.SignInPolicy)");
        Params policy = policies.nested("PasswordPolicy");
        if (policy == null) {
            return PasswordPolicy.DEFAULT;
        }
        Integer minimumLength = policy.optionalInt("MinimumLength", 6, 99);
        Integer validityDays = policy.optionalInt("TemporaryPasswordValidityDays", 0, 365);
        Integer historySize = policy.optionalInt("PasswordHistorySize", 0, 24);
        // A policy member left out of a given PasswordPolicy is false, as in Cognito.
        return new PasswordPolicy(minimumLength == null ? 8 : minimumLength, policy.flag("RequireUppercase"),
                policy.flag("RequireLowercase"), policy.flag("RequireNumbers"), policy.flag("RequireSymbols"),
                validityDays == null ? 7 : validityDays, historySize == null || historySize == 0 ? null : historySize);
    }

    private static PoolSettings.Messages messages(Params p) {
        Params template = p.nested("VerificationMessageTemplate");
        PoolSettings.VerificationTemplate verification;
        if (template == null) {
            verification = new PoolSettings.VerificationTemplate(null, null, null, null, null, "CONFIRM_WITH_CODE");
        } else {
            String option = template.optionalEnum("DefaultEmailOption", List.of("CONFIRM_WITH_CODE",
                    "CONFIRM_WITH_LINK"));
            String byLink = template.optional("EmailMessageByLink", 6, 20000);
            if (byLink != null && !Pattern.compile("\\{##(.+?)##\\}").matcher(byLink).find()) {
                throw INVALID_PARAMETER.withMessage("EmailMessageByLink must contain a {##link text##} placeholder.");
            }
            verification = new PoolSettings.VerificationTemplate(template(template, "SmsMessage", 6, 140),
                    template(template, "EmailMessage", 6, 20000), template.optional("EmailSubject", 1, 140), byLink,
                    template.optional("EmailSubjectByLink", 1, 140), option == null ? "CONFIRM_WITH_CODE" : option);
        }
        return new PoolSettings.Messages(verification, template(p, "EmailVerificationMessage", 6, 20000),
                p.optional("EmailVerificationSubject", 1, 140), template(p, "SmsVerificationMessage", 6, 140),
                template(p, "SmsAuthenticationMessage", 6, 140));
    }

    /** A message template, which must carry the {####} placeholder of the code. */
    private static String template(Params p, String field, int min, int max) {
        String message = p.optional(field, min, max);
        if (message != null && !message.contains("{####}")) {
            throw INVALID_PARAMETER.withMessage("%s must contain the {####} placeholder.", field);
        }
        return message;
    }

    private static PoolSettings.AdminCreateUser adminCreateUser(Params config) {
        if (config == null) {
            return new PoolSettings.AdminCreateUser(false, 7, null);
        }
        Integer unusedDays = config.optionalInt("UnusedAccountValidityDays", 0, 365);
        Params invite = config.nested("InviteMessageTemplate");
        PoolSettings.Invitation invitation = null;
        if (invite != null) {
            String email = invite.optional("EmailMessage", 6, 20000);
            String sms = invite.optional("SMSMessage", 6, 140);
            for (String message : new String[] { email, sms }) {
                if (message != null && (!message.contains("{####}") || !message.contains("{username}"))) {
                    throw INVALID_PARAMETER.withMessage(
                            "The invitation message must contain the {username} and {####} placeholders.");
                }
            }
            invitation = new PoolSettings.Invitation(email, invite.optional("EmailSubject", 1, 140), sms);
        }
        return new PoolSettings.AdminCreateUser(config.flag("AllowAdminCreateUserOnly"),
                unusedDays == null ? 7 : unusedDays, invitation);
    }

    private static Map<String, String> tags(Params p) {
        boolean given = p.has("UserPoolTags");
        Map<String, String> tags = p.stringMap("UserPoolTags");
        if (!given) {
            return null;
        }
        if (tags.size() > 50) {
            throw INVALID_PARAMETER.withMessage("1 validation error detected: Value at 'userPoolTags' failed to "
                    + "satisfy constraint: Member must have length less than or equal to 50");
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().isEmpty() || tag.getKey().length() > 128 || tag.getValue().length() > 256) {
                throw INVALID_PARAMETER.withMessage("Tag keys must be 1 to 128 characters and values at most 256.");
            }
        }
        return new LinkedHashMap<>(tags);
    }

    private static List<PoolSettings.Recovery> recovery(Params setting) {
        if (setting == null) {
            return null;
        }
        List<PoolSettings.Recovery> mechanisms = setting.objectList("RecoveryMechanisms", 2,
                m -> new PoolSettings.Recovery(m.requiredInt("Priority", 1, 2), m.requiredEnum("Name",
                        List.of("verified_email", "verified_phone_number", "admin_only"))));
        return mechanisms == null ? List.of() : List.copyOf(mechanisms);
    }

    /**
     * EmailConfiguration. Mail goes through the deployment's SMTP relay whichever EmailSendingAccount is named; a
     * DEVELOPER account's SES identity (SourceArn) is the sender when From is not given. SES configuration sets do
     * not exist here.
     */
    private static PoolSettings.EmailConfiguration email(Params email) {
        if (email == null) {
            return null;
        }
        email.refuse("ConfigurationSet", "SES configuration sets (EmailConfiguration.ConfigurationSet)");
        String sourceArn = email.optional("SourceArn", 20, 2048, ARN);
        String account = email.optionalEnum("EmailSendingAccount", List.of("COGNITO_DEFAULT", "DEVELOPER"));
        if ("DEVELOPER".equals(account) && sourceArn == null) {
            throw INVALID_PARAMETER.withMessage("EmailConfiguration.SourceArn is required when EmailSendingAccount is "
                    + "DEVELOPER.");
        }
        String from = email.optional("From", 1, 256);
        if (from == null && "DEVELOPER".equals(account) && sourceArn.contains(":identity/")
                && sourceArn.substring(sourceArn.indexOf(":identity/")).contains("@")) {
            from = sourceArn.substring(sourceArn.indexOf(":identity/") + ":identity/".length());
        }
        return new PoolSettings.EmailConfiguration(sourceArn, email.optional("ReplyToEmailAddress", 1, 256), account,
                from, null);
    }

    /** SmsConfiguration: it turns text messages on; they go to the deployment's SMS sender (the Kafka topic). */
    private static PoolSettings.SmsConfiguration smsConfiguration(Params sms) {
        if (sms == null) {
            return null;
        }
        return new PoolSettings.SmsConfiguration(sms.required("SnsCallerArn", 20, 2048, ARN),
                sms.optional("ExternalId", 1, 256), sms.optional("SnsRegion", 5, 32));
    }

    private static SchemaAttributeInput schemaAttribute(Params a) {
        String dataType = a.optional("AttributeDataType", 1, 64);
        Params strings = a.nested("StringAttributeConstraints");
        Params numbers = a.nested("NumberAttributeConstraints");
        return new SchemaAttributeInput(a.optional("Name", 1, 20, Params.NAME), dataType,
                a.optionalBoolean("DeveloperOnlyAttribute"), a.optionalBoolean("Mutable"), a.optionalBoolean("Required"),
                strings == null ? null : strings.optional("MinLength", 0, 64),
                strings == null ? null : strings.optional("MaxLength", 0, 64),
                numbers == null ? null : numbers.optional("MinValue", 0, 64),
                numbers == null ? null : numbers.optional("MaxValue", 0, 64));
    }

    private static List<String> distinct(List<String> values) {
        return values == null || values.isEmpty() ? null : values.stream().distinct().toList();
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
