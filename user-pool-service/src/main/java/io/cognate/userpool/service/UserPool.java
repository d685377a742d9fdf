package io.cognate.userpool.service;

import static io.cognate.userpool.api.CognitoError.INVALID_PASSWORD;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Json;
import io.cognate.userpool.auth.CompromisedPasswords;
import io.cognate.userpool.messaging.Mail;
import io.cognate.userpool.repository.UserPoolEntity;

/** A user pool as the domain sees it: its entity plus the settings read from its stored description. */
public final class UserPool {
    private final UserPoolEntity entity;
    private final ObjectNode settings;
    private final Map<String, SchemaAttribute> schema = new LinkedHashMap<>();

    public UserPool(UserPoolEntity entity) {
        this.entity = entity;
        this.settings = Json.parseObject(entity.settings);
        for (JsonNode attribute : settings.path("SchemaAttributes")) {
            SchemaAttribute parsed = SchemaAttribute.fromJson(attribute);
            schema.put(parsed.name(), parsed);
        }
    }

    public UserPoolEntity entity() {
        return entity;
    }

    public String id() {
        return entity.id;
    }

    /** The part of the pool id after the region, which SRP hashes into the verifier. */
    public String srpPoolName() {
        return entity.id.substring(entity.id.indexOf('_') + 1);
    }

    public ObjectNode settings() {
        return settings;
    }

    public PasswordPolicy passwordPolicy() {
        return PasswordPolicy.fromJson(settings.path("Policies").path("PasswordPolicy"));
    }

    public Map<String, SchemaAttribute> schema() {
        return schema;
    }

    public List<String> usernameAttributes() {
        return strings("UsernameAttributes");
    }

    public List<String> aliasAttributes() {
        return strings("AliasAttributes");
    }

    public List<String> autoVerifiedAttributes() {
        return strings("AutoVerifiedAttributes");
    }

    public boolean caseSensitive() {
        return settings.path("UsernameConfiguration").path("CaseSensitive").asBoolean(true);
    }

    /** The lookup key of a username: itself, or lower-cased where the pool is case-insensitive. */
    public String usernameKey(String username) {
        return caseSensitive() ? username : username.toLowerCase(Locale.ROOT);
    }

    public boolean allowAdminCreateUserOnly() {
        return settings.path("AdminCreateUserConfig").path("AllowAdminCreateUserOnly").asBoolean(false);
    }

    /** The email message for a code, from the pool's VerificationMessageTemplate or Cognito's defaults. */
    public String[] verificationEmail() {
        JsonNode template = settings.path("VerificationMessageTemplate");
        String subject = template.path("EmailSubject").asText(settings.path("EmailVerificationSubject")
                .asText("Your verification code"));
        String message = template.path("EmailMessage").asText(settings.path("EmailVerificationMessage")
                .asText("Your confirmation code is {####}"));
        return new String[] { subject, message };
    }

    /**
     * Checks a new password against the password policy and, where the pool's threat protection asks for it for this
     * event (SIGN_UP or PASSWORD_CHANGE), against the list of leaked passwords: InvalidPasswordException either way.
     */
    public void checkNewPassword(String password, String event) {
        passwordPolicy().check(password);
        if (blocksCompromisedCredentials(event) && CompromisedPasswords.contains(password)) {
            throw INVALID_PASSWORD.withMessage("Password did not conform with policy: Password is compromised: it is "
                    + "among the passwords most often found in data breaches.");
        }
    }

    /**
     * Whether compromised credentials are blocked for an event: threat protection ENFORCED (UserPoolAddOns) and the
     * pool's CompromisedCredentialsRiskConfiguration (absent: block on every event) blocking it.
     */
    boolean blocksCompromisedCredentials(String event) {
        if (!"ENFORCED".equals(settings.path("UserPoolAddOns").path("AdvancedSecurityMode").asText())) {
            return false;
        }
        JsonNode config = settings.path("RiskConfiguration").path("CompromisedCredentialsRiskConfiguration");
        if (config.isMissingNode()) {
            return true;
        }
        if (!"BLOCK".equals(config.path("Actions").path("EventAction").asText())) {
            return false;
        }
        JsonNode filter = config.path("EventFilter");
        if (!filter.isArray() || filter.isEmpty()) {
            return true;
        }
        for (JsonNode name : filter) {
            if (event.equals(name.asText())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the pool tracks devices (DeviceConfiguration): sign-ins then hand out NewDeviceMetadata. */
    public boolean tracksDevices() {
        return settings.path("DeviceConfiguration").isObject();
    }

    /**
     * DeviceConfiguration's ChallengeRequiredOnNewDevice: when true a remembered device proves itself (DEVICE_SRP_AUTH)
     * instead of MFA; new and unremembered devices answer MFA either way.
     */
    public boolean rememberedDevicesSkipMfa() {
        return settings.path("DeviceConfiguration").path("ChallengeRequiredOnNewDevice").asBoolean(false);
    }

    /** DeviceConfiguration's DeviceOnlyRememberedOnUserPrompt: a confirmed device is remembered only when asked. */
    public boolean remembersDevicesOnlyOnPrompt() {
        return settings.path("DeviceConfiguration").path("DeviceOnlyRememberedOnUserPrompt").asBoolean(false);
    }

    /** OFF, OPTIONAL or ON. */
    public String mfaConfiguration() {
        return settings.path("MfaConfiguration").asText("OFF");
    }

    /** The MFA factors the pool offers (SetUserPoolMfaConfig): SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP. */
    public List<String> mfaFactors() {
        List<String> factors = new ArrayList<>();
        if (settings.has("SmsMfaConfiguration")) {
            factors.add(UserMfa.SMS);
        }
        if (settings.path("SoftwareTokenMfaConfiguration").path("Enabled").asBoolean(false)) {
            factors.add(UserMfa.SOFTWARE_TOKEN);
        }
        if (settings.has("EmailMfaConfiguration")) {
            factors.add(UserMfa.EMAIL_OTP);
        }
        return factors;
    }

    /** The email that carries an EMAIL_OTP code: subject and message with {####}. */
    public String[] mfaEmail() {
        JsonNode config = settings.path("EmailMfaConfiguration");
        return new String[] { config.path("Subject").asText("Your sign-in code"),
                config.path("Message").asText("Your authentication code is {####}.") };
    }

    /**
     * AccountRecoverySetting's mechanisms (verified_email, verified_phone_number, admin_only) by priority; without
     * the setting, Cognito's legacy order: a verified phone number, then a verified email.
     */
    public List<String> recoveryMechanisms() {
        List<JsonNode> mechanisms = new ArrayList<>();
        settings.path("AccountRecoverySetting").path("RecoveryMechanisms").forEach(mechanisms::add);
        if (mechanisms.isEmpty()) {
            return List.of("verified_phone_number", "verified_email");
        }
        mechanisms.sort(Comparator.comparingInt(m -> m.path("Priority").asInt(Integer.MAX_VALUE)));
        return mechanisms.stream().map(m -> m.path("Name").asText()).toList();
    }

    /** The sender of the pool's mail (EmailConfiguration From / ReplyToEmailAddress). */
    public Mail.Sender emailSender() {
        JsonNode config = settings.path("EmailConfiguration");
        return new Mail.Sender(config.path("From").asText(null), config.path("ReplyToEmailAddress").asText(null));
    }

    /** Whether sign-up confirmation mail carries a link (CONFIRM_WITH_LINK) instead of a code. */
    public boolean confirmsWithLink() {
        return "CONFIRM_WITH_LINK".equals(settings.path("VerificationMessageTemplate").path("DefaultEmailOption")
                .asText());
    }

    /** The CONFIRM_WITH_LINK mail: subject and message with a {##link text##} placeholder. */
    public String[] verificationLinkEmail() {
        JsonNode template = settings.path("VerificationMessageTemplate");
        return new String[] { template.path("EmailSubjectByLink").asText("Your verification link"),
                template.path("EmailMessageByLink").asText(
                        "Please click the link below to verify your email address. {##Verify Email##} ") };
    }

    /** The text message carrying a verification code: VerificationMessageTemplate.SmsMessage or Cognito's default. */
    public String verificationSms() {
        return settings.path("VerificationMessageTemplate").path("SmsMessage")
                .asText(settings.path("SmsVerificationMessage").asText("Your verification code is {####}. "));
    }

    /** The text message carrying an SMS_MFA code. */
    public String mfaSms() {
        return settings.path("SmsMfaConfiguration").path("SmsAuthenticationMessage")
                .asText(settings.path("SmsAuthenticationMessage").asText("Your authentication code is {####}. "));
    }

    /** The invitation AdminCreateUser sends by SMS. */
    public String invitationSms() {
        return settings.path("AdminCreateUserConfig").path("InviteMessageTemplate").path("SMSMessage")
                .asText("Your username is {username} and temporary password is {####}.");
    }

    /** The invitation message AdminCreateUser sends, from AdminCreateUserConfig or Cognito's defaults. */
    public String[] invitationEmail() {
        JsonNode template = settings.path("AdminCreateUserConfig").path("InviteMessageTemplate");
        String subject = template.path("EmailSubject").asText("Your temporary password");
        String message = template.path("EmailMessage")
                .asText("Your username is {username} and temporary password is {####}.");
        return new String[] { subject, message };
    }

    private List<String> strings(String field) {
        List<String> values = new ArrayList<>();
        settings.path(field).forEach(v -> values.add(v.asText()));
        return values;
    }
}
