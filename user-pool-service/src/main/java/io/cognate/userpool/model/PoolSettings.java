package io.cognate.userpool.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user pool's settings, in the parts that Cognito's actions replace: the sign-in settings fixed at creation,
 * the policies UpdateUserPool replaces (what it leaves out returns to its default), the MFA settings of
 * SetUserPoolMfaConfig, and the risk configuration of SetRiskConfiguration. Names follow Cognito's UserPoolType; a
 * null member was not given.
 */
public record PoolSettings(SignIn signIn, Policies policies, Mfa mfa, Risk risk) {

    public PoolSettings withSchema(List<SchemaAttribute> schema) {
        return new PoolSettings(new SignIn(signIn.usernameAttributes(), signIn.aliasAttributes(), signIn.caseSensitive(),
                schema), policies, mfa, risk);
    }

    public PoolSettings withPolicies(Policies newPolicies) {
        return new PoolSettings(signIn, newPolicies, mfa, risk);
    }

    public PoolSettings withMfa(Mfa newMfa) {
        return new PoolSettings(signIn, policies, newMfa, risk);
    }

    public PoolSettings withRisk(Risk newRisk) {
        return new PoolSettings(signIn, policies, mfa, newRisk);
    }

    /** UsernameAttributes, AliasAttributes, UsernameConfiguration.CaseSensitive (null: not given) and the schema. */
    public record SignIn(List<String> usernameAttributes, List<String> aliasAttributes, Boolean caseSensitive,
            List<SchemaAttribute> schema) {
    }

    /** Everything UpdateUserPool sets. */
    public record Policies(PasswordPolicy passwordPolicy, String deletionProtection, List<String> autoVerifiedAttributes,
            Messages messages, AdminCreateUser adminCreateUser, Map<String, String> tags, List<Recovery> recovery,
            EmailConfiguration email, SmsConfiguration sms, List<String> verifyBeforeUpdate, String tier,
            String advancedSecurityMode, Devices devices, LambdaConfig lambda) {

        /** These policies, with the password policy and tier of {@code current} where these leave them out (null). */
        public Policies keeping(Policies current) {
            return new Policies(passwordPolicy == null ? current.passwordPolicy() : passwordPolicy, deletionProtection,
                    autoVerifiedAttributes, messages, adminCreateUser, tags, recovery, email, sms, verifyBeforeUpdate,
                    tier == null ? current.tier() : tier, advancedSecurityMode, devices, lambda);
        }
    }

    /** VerificationMessageTemplate and the older top-level message members. */
    public record Messages(VerificationTemplate verification, String emailVerificationMessage,
            String emailVerificationSubject, String smsVerificationMessage, String smsAuthenticationMessage) {
    }

    public record VerificationTemplate(String smsMessage, String emailMessage, String emailSubject,
            String emailMessageByLink, String emailSubjectByLink, String defaultEmailOption) {
    }

    /** AdminCreateUserConfig; {@code invitation} null when InviteMessageTemplate was not given. */
    public record AdminCreateUser(boolean allowAdminCreateUserOnly, int unusedAccountValidityDays, Invitation invitation) {
    }

    public record Invitation(String emailMessage, String emailSubject, String smsMessage) {
    }

    /** One of AccountRecoverySetting's RecoveryMechanisms: verified_email, verified_phone_number or admin_only. */
    public record Recovery(int priority, String name) {
    }

    public record EmailConfiguration(String sourceArn, String replyToEmailAddress, String emailSendingAccount,
            String from, String configurationSet) {
    }

    public record SmsConfiguration(String snsCallerArn, String externalId, String snsRegion) {
    }

    /** DeviceConfiguration; absent (null) when the pool does not track devices. */
    public record Devices(Boolean challengeRequiredOnNewDevice, Boolean deviceOnlyRememberedOnUserPrompt) {
    }

    /**
     * MfaConfiguration and the methods SetUserPoolMfaConfig enabled: software tokens (null: never configured), email
     * and SMS codes (null: not enabled).
     */
    public record Mfa(String mode, Boolean softwareToken, EmailMfa email, SmsMfa sms) {

        public static final Mfa OFF = new Mfa("OFF", null, null, null);

        public Mfa withMode(String newMode) {
            return new Mfa(newMode, softwareToken, email, sms);
        }
    }

    public record EmailMfa(String message, String subject) {
    }

    public record SmsMfa(String smsAuthenticationMessage, SmsConfiguration smsConfiguration) {
    }

    /** The compromised-credentials configuration of SetRiskConfiguration, and when it was set. */
    public record Risk(List<String> eventFilter, String eventAction, Instant lastModified) {
    }
}
