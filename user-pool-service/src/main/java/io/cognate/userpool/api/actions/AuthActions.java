package io.cognate.userpool.api.actions;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.awsjson.Json;
import io.cognate.userpool.api.ActionGroup;
import io.cognate.userpool.api.ActionRegistry;
import io.cognate.userpool.api.Params;
import io.cognate.userpool.api.wire.SignInJson;
import io.cognate.userpool.auth.AuthFlow;
import io.cognate.userpool.auth.ChallengeResponse;
import io.cognate.userpool.auth.SignInRequest;
import io.cognate.userpool.auth.SignInService;
import io.cognate.userpool.auth.SignOutService;

/** Sign-in and sign-out. */
@ApplicationScoped
public class AuthActions implements ActionGroup {
    /** Cognito's ChallengeNameType. */
    private static final List<String> CHALLENGES = List.of("SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA",
            "SELECT_MFA_TYPE", "MFA_SETUP", "PASSWORD_VERIFIER", "CUSTOM_CHALLENGE", "SELECT_CHALLENGE",
            "DEVICE_SRP_AUTH", "DEVICE_PASSWORD_VERIFIER", "ADMIN_NO_SRP_AUTH", "NEW_PASSWORD_REQUIRED", "SMS_OTP",
            "PASSWORD", "WEB_AUTHN", "PASSWORD_SRP");

    private final SignInService signIn;
    private final SignOutService signOut;

    public AuthActions(SignInService signIn, SignOutService signOut) {
        this.signIn = signIn;
        this.signOut = signOut;
    }

    record Revocation(String token, String clientId, String clientSecret) {
    }

    record RefreshByToken(String refreshToken, String clientId, String clientSecret,
            Map<String, String> clientMetadata) {
    }

    @Override
    public void register(ActionRegistry registry) {
        registry.withAnswersHeldToFloor("InitiateAuth", ActionRegistry.Authorization.PUBLIC,
                p -> initiateAuth(p, false), signIn::initiateAuth, SignInJson::write, SignInJson::isSrpChallenge);
        registry.withAnswersHeldToFloor("AdminInitiateAuth", ActionRegistry.Authorization.IAM,
                p -> initiateAuth(p, true), signIn::initiateAuth, SignInJson::write, SignInJson::isSrpChallenge);
        registry.open("RespondToAuthChallenge", p -> respond(p, false), signIn::respondToAuthChallenge,
                SignInJson::write);
        registry.iam("AdminRespondToAuthChallenge", p -> respond(p, true), signIn::respondToAuthChallenge,
                SignInJson::write);
        registry.open("GlobalSignOut", Params::accessToken, signOut::globalSignOut, Json::empty);
        registry.iam("AdminUserGlobalSignOut", Keys.PoolUser::of,
                u -> signOut.adminUserGlobalSignOut(u.poolId(), u.username()), Json::empty);
        registry.open("GetTokensFromRefreshToken", AuthActions::refreshByToken,
                r -> signIn.getTokensFromRefreshToken(r.clientId(), r.clientSecret(), r.refreshToken(),
                        r.clientMetadata()),
                tokens -> Json.wrap("AuthenticationResult", SignInJson.authenticationResult(tokens)));
        registry.open("RevokeToken", p -> new Revocation(p.required("Token", 1, 8192), p.clientId(),
                p.optional("ClientSecret", 1, 256)),
                r -> signOut.revokeToken(r.token(), r.clientId(), r.clientSecret()), Json::empty);
    }

    /** GetTokensFromRefreshToken; DeviceKey is checked and, as for REFRESH_TOKEN_AUTH, not needed. */
    private static RefreshByToken refreshByToken(Params p) {
        String refreshToken = p.required("RefreshToken", 1, 8192);
        String clientId = p.clientId();
        String clientSecret = p.optional("ClientSecret", 1, 64, Params.CLIENT_ID);
        p.optional("DeviceKey", 1, 55);
        return new RefreshByToken(refreshToken, clientId, clientSecret, p.stringMap("ClientMetadata"));
    }

    private static SignInRequest initiateAuth(Params p, boolean admin) {
        String poolId = admin ? p.userPoolId() : null;
        String clientId = p.clientId();
        List<String> flows = Arrays.stream(AuthFlow.values()).filter(f -> f.allowedFor(admin)).map(Enum::name)
                .toList();
        AuthFlow flow = AuthFlow.valueOf(p.requiredEnum("AuthFlow", flows));
        Map<String, String> parameters = p.stringMap("AuthParameters");
        return new SignInRequest(admin, poolId, clientId, flow, parameters, readContext(p, admin));
    }

    private static ChallengeResponse respond(Params p, boolean admin) {
        String poolId = admin ? p.userPoolId() : null;
        String clientId = p.clientId();
        String challenge = p.requiredEnum("ChallengeName", CHALLENGES);
        String session = p.optional("Session", 20, 2048);
        Map<String, String> responses = p.stringMap("ChallengeResponses");
        return new ChallengeResponse(admin, poolId, clientId, challenge, session, responses, readContext(p, admin));
    }

    private static Map<String, String> readContext(Params p, boolean admin) {
        return admin ? ContextMembers.readAdmin(p) : ContextMembers.read(p);
    }
}
