package io.cognate.userpool.api.actions;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.Json;
import io.cognate.userpool.api.ActionGroup;
import io.cognate.userpool.api.ActionRegistry;
import io.cognate.userpool.api.Params;
import io.cognate.userpool.api.wire.PoolJson;
import io.cognate.userpool.api.wire.PoolRequests;
import io.cognate.userpool.auth.SoftwareTokens;
import io.cognate.userpool.service.MfaPreference;
import io.cognate.userpool.service.MfaService;

/** MFA: the pool's configuration, users' preferences, and software tokens. */
@ApplicationScoped
public class MfaActions implements ActionGroup {
    private final MfaService mfa;
    private final SoftwareTokens softwareTokens;

    public MfaActions(MfaService mfa, SoftwareTokens softwareTokens) {
        this.mfa = mfa;
        this.softwareTokens = softwareTokens;
    }

    record TokenOrSession(String accessToken, String session, String code) {
    }

    record Preference(String accessToken, Keys.PoolUser user, MfaPreference preference) {
    }

    @Override
    public void register(ActionRegistry registry) {
        registry.iam("SetUserPoolMfaConfig", PoolRequests::setUserPoolMfaConfig,
                r -> mfa.setUserPoolMfaConfig(r.poolId(), r.change()), PoolJson::mfaConfig);
        registry.iam("GetUserPoolMfaConfig", Params::userPoolId, mfa::getUserPoolMfaConfig, PoolJson::mfaConfig);
        registry.open("SetUserMFAPreference", p -> new Preference(p.accessToken(), null, preference(p)),
                r -> mfa.setUserMfaPreference(r.accessToken(), r.preference()), Json::empty);
        registry.iam("AdminSetUserMFAPreference", p -> new Preference(null, Keys.PoolUser.of(p), preference(p)),
                r -> mfa.adminSetUserMfaPreference(r.user().poolId(), r.user().username(), r.preference()),
                Json::empty);
        registry.open("AssociateSoftwareToken", p -> new TokenOrSession(p.optional("AccessToken", 1, 16384),
                p.optional("Session", 20, 2048), null),
                r -> softwareTokens.associate(r.accessToken(), r.session()), association -> {
                    ObjectNode response = Json.object().put("SecretCode", association.secretCode());
                    return association.session() == null ? response : response.put("Session", association.session());
                });
        registry.open("VerifySoftwareToken", p -> {
            TokenOrSession request = new TokenOrSession(p.optional("AccessToken", 1, 16384),
                    p.optional("Session", 20, 2048), p.required("UserCode", 6, 6));
            // A name for the authenticator; Cognito shows it in no answer.
            p.optional("FriendlyDeviceName", 1, 131072);
            return request;
        }, r -> softwareTokens.verify(r.accessToken(), r.session(), r.code()), session -> {
            ObjectNode response = Json.object().put("Status", "SUCCESS");
            return session == null ? response : response.put("Session", session);
        });
    }

    private static MfaPreference preference(Params p) {
        return new MfaPreference(factor(p.nested("SMSMfaSettings")), factor(p.nested("SoftwareTokenMfaSettings")),
                factor(p.nested("EmailMfaSettings")));
    }

    private static MfaPreference.Factor factor(Params settings) {
        return settings == null ? null
                : new MfaPreference.Factor(settings.optionalBoolean("Enabled"), settings.optionalBoolean("PreferredMfa"));
    }
}
