package io.cognate.userpool.service;

import static io.cognate.userpool.api.CognitoError.INVALID_PARAMETER;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Json;
import io.cognate.userpool.api.Params;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserPoolEntity;
import io.cognate.userpool.repository.UserRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * MFA settings: the pool's (SetUserPoolMfaConfig / GetUserPoolMfaConfig) and each user's enabled and preferred
 * factors (SetUserMFAPreference / AdminSetUserMFAPreference): SMS codes (through the SMS topic), software tokens
 * (TOTP) and email codes.
 */
@ApplicationScoped
public class MfaService {
    private static final List<String> MODES = List.of("OFF", "ON", "OPTIONAL");

    private final UserPoolService pools;
    private final UserAdminService admin;
    private final AccessTokens accessTokens;
    private final UserRepository users;

    public MfaService(UserPoolService pools, UserAdminService admin, AccessTokens accessTokens,
            UserRepository users) {
        this.pools = pools;
        this.admin = admin;
        this.accessTokens = accessTokens;
        this.users = users;
    }

    public Uni<ObjectNode> setUserPoolMfaConfig(Params request) {
        String poolId = request.userPoolId();
        String mode = request.optionalEnum("MfaConfiguration", MODES);
        Params softwareToken = request.nested("SoftwareTokenMfaConfiguration");
        Params email = request.nested("EmailMfaConfiguration");
        Params sms = request.nested("SmsMfaConfiguration");
        if (request.nested("WebAuthnConfiguration") != null) {
            throw INVALID_PARAMETER.withMessage("WebAuthn is not supported by this deployment yet.");
        }
        return pools.changeSettings(poolId, pool -> {
            ObjectNode settings = pool.settings().deepCopy();
            if (softwareToken != null) {
                Boolean enabled = softwareToken.optionalBoolean("Enabled");
                settings.putObject("SoftwareTokenMfaConfiguration").put("Enabled", Boolean.TRUE.equals(enabled));
            }
            if (email != null) {
                settings.set("EmailMfaConfiguration", emailMfaConfiguration(email));
            }
            if (sms != null) {
                settings.set("SmsMfaConfiguration", smsMfaConfiguration(sms));
            }
            if (mode != null) {
                settings.put("MfaConfiguration", mode);
            }
            UserPoolEntity proposed = new UserPoolEntity();
            proposed.id = pool.id();
            proposed.settings = Json.write(settings);
            UserPool updated = new UserPool(proposed);
            if (!"OFF".equals(updated.mfaConfiguration()) && updated.mfaFactors().isEmpty()) {
                throw INVALID_PARAMETER.withMessage("Invalid MFA configuration given: MFA %s needs at least one MFA "
                        + "method enabled (SoftwareTokenMfaConfiguration or EmailMfaConfiguration).",
                        updated.mfaConfiguration());
            }
            return settings;
        }).map(MfaService::mfaConfig);
    }

    public Uni<ObjectNode> getUserPoolMfaConfig(String poolId) {
        return Panache.withSession(() -> pools.require(poolId).map(MfaService::mfaConfig));
    }

    public Uni<Void> setUserMfaPreference(Params request) {
        String accessToken = request.accessToken();
        return Panache.withTransaction(() -> accessTokens.authenticate(accessToken)
                .chain(caller -> pools.cached(caller.poolId()).chain(pool -> apply(request, pool, caller.user()))));
    }

    public Uni<Void> adminSetUserMfaPreference(Params request) {
        String poolId = request.userPoolId();
        String username = request.username();
        return Panache.withTransaction(() -> pools.require(poolId)
                .chain(pool -> admin.require(pool, username).chain(user -> apply(request, pool, user))));
    }

    private Uni<Void> apply(Params request, UserPool pool, UserEntity user) {
        Params sms = request.nested("SMSMfaSettings");
        Params softwareToken = request.nested("SoftwareTokenMfaSettings");
        Params email = request.nested("EmailMfaSettings");
        if (sms != null && Boolean.TRUE.equals(sms.optionalBoolean("Enabled"))
                && !UserAttributes.of(user).containsKey("phone_number")) {
            throw INVALID_PARAMETER.withMessage("User does not have a phone number for SMS MFA.");
        }
        if (softwareToken != null && Boolean.TRUE.equals(softwareToken.optionalBoolean("Enabled"))
                && user.totpSecret == null) {
            throw INVALID_PARAMETER.withMessage("User has not verified software token mfa");
        }
        if (email != null && Boolean.TRUE.equals(email.optionalBoolean("Enabled"))) {
            if (!pool.mfaFactors().contains(UserMfa.EMAIL_OTP)) {
                throw INVALID_PARAMETER.withMessage("Email MFA is not enabled for this user pool.");
            }
            if (!UserMfa.hasVerifiedEmail(user)) {
                throw INVALID_PARAMETER.withMessage("User does not have a verified email address for email MFA.");
            }
        }
        applyOne(user, UserMfa.SMS, sms);
        applyOne(user, UserMfa.SOFTWARE_TOKEN, softwareToken);
        applyOne(user, UserMfa.EMAIL_OTP, email);
        user.updatedAt = Instant.now();
        return users.persist(user).replaceWithVoid();
    }

    /** One factor's MfaSettingsType: Enabled, and PreferredMfa (which needs the factor enabled). */
    private static void applyOne(UserEntity user, String factor, Params settings) {
        if (settings == null) {
            return;
        }
        Boolean enabled = settings.optionalBoolean("Enabled");
        Boolean preferred = settings.optionalBoolean("PreferredMfa");
        if (Boolean.TRUE.equals(preferred) && !Boolean.TRUE.equals(enabled)
                && !(enabled == null && UserMfa.enabled(user).contains(factor))) {
            throw INVALID_PARAMETER.withMessage("A preferred MFA method must be enabled.");
        }
        if (enabled != null) {
            UserMfa.setEnabled(user, factor, enabled);
        }
        if (Boolean.TRUE.equals(preferred)) {
            user.mfaPreferred = factor;
        } else if (Boolean.FALSE.equals(preferred) && factor.equals(user.mfaPreferred)) {
            user.mfaPreferred = null;
        }
    }

    private static ObjectNode smsMfaConfiguration(Params sms) {
        String message = sms.optional("SmsAuthenticationMessage", 6, 140);
        if (message != null && !message.contains("{####}")) {
            throw INVALID_PARAMETER.withMessage("SmsAuthenticationMessage must contain the {####} placeholder.");
        }
        ObjectNode config = Json.object();
        if (message != null) {
            config.put("SmsAuthenticationMessage", message);
        }
        Params smsConfiguration = sms.nested("SmsConfiguration");
        if (smsConfiguration != null) {
            config.set("SmsConfiguration", smsConfiguration.node());
        }
        return config;
    }

    private static ObjectNode emailMfaConfiguration(Params email) {
        String message = email.optional("Message", 6, 20000);
        String subject = email.optional("Subject", 1, 140);
        if (message != null && !message.contains("{####}")) {
            throw INVALID_PARAMETER.withMessage("EmailMfaConfiguration.Message must contain the {####} placeholder.");
        }
        ObjectNode config = Json.object();
        if (message != null) {
            config.put("Message", message);
        }
        if (subject != null) {
            config.put("Subject", subject);
        }
        return config;
    }

    private static ObjectNode mfaConfig(UserPool pool) {
        ObjectNode response = Json.object();
        response.putObject("SoftwareTokenMfaConfiguration").put("Enabled",
                pool.mfaFactors().contains(UserMfa.SOFTWARE_TOKEN));
        if (pool.settings().has("EmailMfaConfiguration")) {
            response.set("EmailMfaConfiguration", pool.settings().get("EmailMfaConfiguration"));
        }
        if (pool.settings().has("SmsMfaConfiguration")) {
            response.set("SmsMfaConfiguration", pool.settings().get("SmsMfaConfiguration"));
        }
        response.put("MfaConfiguration", pool.mfaConfiguration());
        return response;
    }
}
