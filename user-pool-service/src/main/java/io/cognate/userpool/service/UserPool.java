package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.INVALID_PASSWORD;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.cognate.userpool.credentials.CompromisedPasswords;
import io.cognate.userpool.credentials.Srp;
import io.cognate.userpool.messaging.Mail;
import io.cognate.userpool.model.Message;
import io.cognate.userpool.model.PasswordPolicy;
import io.cognate.userpool.model.PoolSettings;
import io.cognate.userpool.model.SchemaAttribute;
import io.cognate.userpool.repository.UserPoolEntity;
import io.cognate.userpool.triggers.PoolCall;

/** A user pool as the domain sees it: its entity and its settings, with Cognito's defaults for what was not set. */
public final class UserPool {
    /** Cognito's user pool id: {@code <region>_<id>}. */
    public static final Pattern ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");
    private final UserPoolEntity entity;
    private final PoolSettings settings;
    private final Map<String, SchemaAttribute> schema = new LinkedHashMap<>();

    public UserPool(UserPoolEntity entity) {
        this.entity = entity;
        this.settings = entity.settings();
        settings.signIn().schema().forEach(attribute -> schema.put(attribute.name(), attribute));
    }

    public UserPoolEntity entity() {
        return entity;
    }

    public String id() {
        return entity.id;
    }

    /** The part of the pool id after the region, which SRP hashes into the verifier. */
    public String srpPoolName() {
        return Srp.poolName(entity.id);
    }

    /** The operation of {@code clientId} (null: an admin operation without a client) as its triggers see it. */
    /** The triggers' view of a call by {@code client}, with the call's ClientMetadata. */
    public PoolCall triggerCall(AppClient client) {
        return triggerCall(client.id(), client.clientMetadata());
    }

    public PoolCall triggerCall(String clientId, Map<String, String> clientMetadata) {
        return new PoolCall(id(), settings().policies().lambda(), clientId, clientMetadata);
    }

    public PoolSettings settings() {
        return settings;
    }

    private PoolSettings.Policies policies() {
        return settings.policies();
    }

    public PasswordPolicy passwordPolicy() {
        return policies().passwordPolicy();
    }

    public Map<String, SchemaAttribute> schema() {
        return schema;
    }

    public List<String> usernameAttributes() {
        return orEmpty(settings.signIn().usernameAttributes());
    }

    public List<String> aliasAttributes() {
        return orEmpty(settings.signIn().aliasAttributes());
    }

    public List<String> autoVerifiedAttributes() {
        return orEmpty(policies().autoVerifiedAttributes());
    }

    public boolean caseSensitive() {
        return settings.signIn().caseSensitive() == null || settings.signIn().caseSensitive();
    }

    /** The lookup key of a username: itself, or lower-cased where the pool is case-insensitive. */
    public String usernameKey(String username) {
        return caseSensitive() ? username : username.toLowerCase(Locale.ROOT);
    }

    public boolean allowAdminCreateUserOnly() {
        return policies().adminCreateUser().allowAdminCreateUserOnly();
    }

    public boolean deletionProtected() {
        return "ACTIVE".equals(policies().deletionProtection());
    }

    /** UserPoolTags, empty when none. */
    public Map<String, String> tags() {
        return policies().tags() == null ? Map.of() : policies().tags();
    }

    /** OFF, AUDIT or ENFORCED (UserPoolAddOns.AdvancedSecurityMode). */
    public String advancedSecurityMode() {
        return policies().advancedSecurityMode() == null ? "OFF" : policies().advancedSecurityMode();
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
     * pool's compromised-credentials configuration (absent: block on every event) blocking it.
     */
    boolean blocksCompromisedCredentials(String event) {
        if (!"ENFORCED".equals(advancedSecurityMode())) {
            return false;
        }
        PoolSettings.Risk risk = settings.risk();
        if (risk == null) {
            return true;
        }
        if (!"BLOCK".equals(risk.eventAction())) {
            return false;
        }
        return risk.eventFilter() == null || risk.eventFilter().isEmpty() || risk.eventFilter().contains(event);
    }

    /** Whether the pool tracks devices (DeviceConfiguration): sign-ins then hand out NewDeviceMetadata. */
    public boolean tracksDevices() {
        return policies().devices() != null;
    }

    /**
     * DeviceConfiguration's ChallengeRequiredOnNewDevice: when true a remembered device proves itself (DEVICE_SRP_AUTH)
     * instead of MFA; new and unremembered devices answer MFA either way.
     */
    public boolean rememberedDevicesSkipMfa() {
        return tracksDevices() && Boolean.TRUE.equals(policies().devices().challengeRequiredOnNewDevice());
    }

    /** DeviceConfiguration's DeviceOnlyRememberedOnUserPrompt: a confirmed device is remembered only when asked. */
    public boolean remembersDevicesOnlyOnPrompt() {
        return tracksDevices() && Boolean.TRUE.equals(policies().devices().deviceOnlyRememberedOnUserPrompt());
    }

    /** OFF, OPTIONAL or ON. */
    public String mfaConfiguration() {
        return settings.mfa().mode();
    }

    /** The MFA factors the pool offers (SetUserPoolMfaConfig): SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP. */
    public List<String> mfaFactors() {
        List<String> factors = new ArrayList<>();
        if (settings.mfa().sms() != null) {
            factors.add(UserMfa.SMS);
        }
        if (Boolean.TRUE.equals(settings.mfa().softwareToken())) {
            factors.add(UserMfa.SOFTWARE_TOKEN);
        }
        if (settings.mfa().email() != null) {
            factors.add(UserMfa.EMAIL_OTP);
        }
        return factors;
    }

    /**
     * AccountRecoverySetting's mechanisms (verified_email, verified_phone_number, admin_only) by priority; without
     * the setting, Cognito's legacy order: a verified phone number, then a verified email.
     */
    public List<String> recoveryMechanisms() {
        List<PoolSettings.Recovery> mechanisms = policies().recovery();
        if (mechanisms == null || mechanisms.isEmpty()) {
            return List.of("verified_phone_number", "verified_email");
        }
        return mechanisms.stream().sorted(Comparator.comparingInt(PoolSettings.Recovery::priority))
                .map(PoolSettings.Recovery::name).toList();
    }

    /** Whether a change of this attribute must be verified before it replaces the current, verified value. */
    public boolean verifiedBeforeUpdate(String attribute) {
        return policies().verifyBeforeUpdate() != null && policies().verifyBeforeUpdate().contains(attribute);
    }

    /** The sender of the pool's mail (EmailConfiguration From / ReplyToEmailAddress). */
    public Mail.Sender emailSender() {
        PoolSettings.EmailConfiguration email = policies().email();
        return email == null ? new Mail.Sender(null, null) : new Mail.Sender(email.from(), email.replyToEmailAddress());
    }

    private PoolSettings.Messages messages() {
        return policies().messages();
    }

    private PoolSettings.VerificationTemplate verification() {
        return messages().verification();
    }

    /** The email message for a code, from the pool's VerificationMessageTemplate or Cognito's defaults. */
    public Message verificationEmail() {
        return new Message(first(verification().emailSubject(), messages().emailVerificationSubject(),
                "Your verification code"),
                first(verification().emailMessage(), messages().emailVerificationMessage(),
                        "Your confirmation code is {####}"));
    }

    /** Whether sign-up confirmation mail carries a link (CONFIRM_WITH_LINK) instead of a code. */
    public boolean confirmsWithLink() {
        return "CONFIRM_WITH_LINK".equals(verification().defaultEmailOption());
    }

    /** The CONFIRM_WITH_LINK mail: subject and message with a {##link text##} placeholder. */
    public Message verificationLinkEmail() {
        return new Message(first(verification().emailSubjectByLink(), "Your verification link"),
                first(verification().emailMessageByLink(),
                        "Please click the link below to verify your email address. {##Verify Email##} "));
    }

    /** The text message carrying a verification code: VerificationMessageTemplate.SmsMessage or Cognito's default. */
    public Message verificationSms() {
        return new Message(null, first(verification().smsMessage(), messages().smsVerificationMessage(),
                "Your verification code is {####}. "));
    }

    /** The text message carrying an SMS_MFA code. */
    public Message mfaSms() {
        PoolSettings.SmsMfa sms = settings.mfa().sms();
        return new Message(null, first(sms == null ? null : sms.smsAuthenticationMessage(),
                messages().smsAuthenticationMessage(), "Your authentication code is {####}. "));
    }

    /** The email that carries an EMAIL_OTP code: subject and message with {####}. */
    public Message mfaEmail() {
        PoolSettings.EmailMfa email = settings.mfa().email();
        return new Message(first(email == null ? null : email.subject(), "Your sign-in code"),
                first(email == null ? null : email.message(), "Your authentication code is {####}."));
    }

    /** The invitation message AdminCreateUser sends by mail, from AdminCreateUserConfig or Cognito's defaults. */
    public Message invitationEmail() {
        PoolSettings.Invitation invitation = policies().adminCreateUser().invitation();
        return new Message(first(invitation == null ? null : invitation.emailSubject(), "Your temporary password"),
                first(invitation == null ? null : invitation.emailMessage(),
                        "Your username is {username} and temporary password is {####}."));
    }

    /** The invitation AdminCreateUser sends by SMS. */
    public Message invitationSms() {
        PoolSettings.Invitation invitation = policies().adminCreateUser().invitation();
        return new Message(null, first(invitation == null ? null : invitation.smsMessage(),
                "Your username is {username} and temporary password is {####}."));
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
