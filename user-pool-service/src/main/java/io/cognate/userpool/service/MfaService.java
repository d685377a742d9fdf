package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.userpool.model.PoolSettings;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.smallrye.mutiny.Uni;

/**
 * MFA settings: the pool's (SetUserPoolMfaConfig / GetUserPoolMfaConfig) and each user's enabled and preferred
 * factors (SetUserMFAPreference / AdminSetUserMFAPreference): SMS codes (through the SMS sender), software tokens
 * (TOTP) and email codes.
 */
@ApplicationScoped
public class MfaService {
    private final UserPoolService pools;
    private final UserLookup lookup;
    private final AccessTokens accessTokens;
    private final UserRepository users;
    private final Transactions transactions;

    public MfaService(UserPoolService pools, UserLookup lookup, AccessTokens accessTokens, UserRepository users,
            Transactions transactions) {
        this.pools = pools;
        this.lookup = lookup;
        this.accessTokens = accessTokens;
        this.users = users;
        this.transactions = transactions;
    }

    /** The pool with its MFA settings changed; MFA ON or OPTIONAL needs a method. */
    public Uni<UserPool> setUserPoolMfaConfig(String poolId, PoolMfaChange change) {
        return pools.changeSettings(poolId, pool -> {
            PoolSettings.Mfa current = pool.settings().mfa();
            PoolSettings.Mfa mfa = new PoolSettings.Mfa(change.mode() == null ? current.mode() : change.mode(),
                    change.softwareToken() == null ? current.softwareToken() : change.softwareToken(),
                    change.email() == null ? current.email() : change.email(),
                    change.sms() == null ? current.sms() : change.sms());
            boolean anyMethod = Boolean.TRUE.equals(mfa.softwareToken()) || mfa.email() != null || mfa.sms() != null;
            if (!"OFF".equals(mfa.mode()) && !anyMethod) {
                throw INVALID_PARAMETER.withMessage("Invalid MFA configuration given: MFA %s needs at least one MFA "
                        + "method enabled (SoftwareTokenMfaConfiguration or EmailMfaConfiguration).", mfa.mode());
            }
            return pool.settings().withMfa(mfa);
        });
    }

    public Uni<UserPool> getUserPoolMfaConfig(String poolId) {
        return transactions.session(() -> pools.require(poolId));
    }

    public Uni<Void> setUserMfaPreference(String accessToken, MfaPreference preference) {
        return transactions.transaction(() -> accessTokens.authenticate(accessToken)
                .chain(caller -> pools.cached(caller.poolId()).chain(pool -> apply(preference, pool, caller.user()))));
    }

    public Uni<Void> adminSetUserMfaPreference(String poolId, String username, MfaPreference preference) {
        return transactions.transaction(() -> pools.require(poolId)
                .chain(pool -> lookup.require(pool, username).chain(user -> apply(preference, pool, user))));
    }

    private Uni<Void> apply(MfaPreference preference, UserPool pool, UserEntity user) {
        if (enables(preference.sms()) && !UserAttributes.of(user).containsKey("phone_number")) {
            throw INVALID_PARAMETER.withMessage("User does not have a phone number for SMS MFA.");
        }
        if (enables(preference.softwareToken()) && user.totpSecret == null) {
            throw INVALID_PARAMETER.withMessage("User has not verified software token mfa");
        }
        if (enables(preference.email())) {
            if (!pool.mfaFactors().contains(UserMfa.EMAIL_OTP)) {
                throw INVALID_PARAMETER.withMessage("Email MFA is not enabled for this user pool.");
            }
            if (!UserMfa.hasVerifiedEmail(user)) {
                throw INVALID_PARAMETER.withMessage("User does not have a verified email address for email MFA.");
            }
        }
        applyOne(user, UserMfa.SMS, preference.sms());
        applyOne(user, UserMfa.SOFTWARE_TOKEN, preference.softwareToken());
        applyOne(user, UserMfa.EMAIL_OTP, preference.email());
        user.updatedAt = Instant.now();
        return users.persist(user).replaceWithVoid();
    }

    private static boolean enables(MfaPreference.Factor factor) {
        return factor != null && Boolean.TRUE.equals(factor.enabled());
    }

    /** One factor's MfaSettingsType: Enabled, and PreferredMfa (which needs the factor enabled). */
    private static void applyOne(UserEntity user, String factor, MfaPreference.Factor settings) {
        if (settings == null) {
            return;
        }
        Boolean enabled = settings.enabled();
        Boolean preferred = settings.preferred();
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
}
