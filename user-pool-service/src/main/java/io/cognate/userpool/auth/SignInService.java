package io.cognate.userpool.auth;

import static io.cognate.userpool.api.CognitoError.INVALID_PARAMETER;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Params;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.UserPool;
import io.cognate.userpool.service.UserPoolService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** InitiateAuth / RespondToAuthChallenge and their Admin variants: checks the client, then hands off to the flow. */
@ApplicationScoped
public class SignInService {
    private static final List<String> PUBLIC_FLOWS = List.of("USER_SRP_AUTH", "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN",
            "USER_PASSWORD_AUTH", "CUSTOM_AUTH", "USER_AUTH");
    private static final List<String> ADMIN_FLOWS = List.of("USER_SRP_AUTH", "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN",
            "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH", "USER_AUTH");
    private static final List<String> CHALLENGES = List.of("SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA",
            "SELECT_MFA_TYPE", "MFA_SETUP", "PASSWORD_VERIFIER", "CUSTOM_CHALLENGE", "SELECT_CHALLENGE",
            "DEVICE_SRP_AUTH", "DEVICE_PASSWORD_VERIFIER", "ADMIN_NO_SRP_AUTH", "NEW_PASSWORD_REQUIRED", "SMS_OTP",
            "PASSWORD", "WEB_AUTHN", "PASSWORD_SRP");

    private final AppClientService clients;
    private final UserPoolService pools;
    private final PasswordFlow passwordFlow;
    private final SrpFlow srpFlow;
    private final RefreshFlow refreshFlow;
    private final NewPasswordFlow newPasswordFlow;
    private final MfaFlow mfaFlow;
    private final DeviceFlow deviceFlow;

    public SignInService(AppClientService clients, UserPoolService pools, PasswordFlow passwordFlow, SrpFlow srpFlow,
            RefreshFlow refreshFlow, NewPasswordFlow newPasswordFlow, MfaFlow mfaFlow, DeviceFlow deviceFlow) {
        this.clients = clients;
        this.pools = pools;
        this.passwordFlow = passwordFlow;
        this.srpFlow = srpFlow;
        this.refreshFlow = refreshFlow;
        this.newPasswordFlow = newPasswordFlow;
        this.mfaFlow = mfaFlow;
        this.deviceFlow = deviceFlow;
    }

    public Uni<ObjectNode> initiateAuth(Params request, boolean admin) {
        String authFlow = request.optionalEnum("AuthFlow", admin ? ADMIN_FLOWS : PUBLIC_FLOWS);
        if (authFlow == null) {
            throw INVALID_PARAMETER.withMessage("1 validation error detected: Value at 'authFlow' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        Map<String, String> parameters = request.stringMap("AuthParameters");
        return Panache.withSession(() -> client(request, admin).chain(client -> {
            if (!client.allows(authFlow)) {
                throw INVALID_PARAMETER.withMessage("%s flow not enabled for this client", authFlow);
            }
            return pools.cached(client.poolId()).chain(pool -> switch (authFlow) {
                case "USER_SRP_AUTH" -> srpFlow.start(pool, client, parameters);
                case "USER_PASSWORD_AUTH", "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH" ->
                    passwordFlow.signIn(pool, client, parameters, authFlow);
                case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> refreshFlow.refresh(pool, client, parameters);
                default -> throw INVALID_PARAMETER.withMessage("%s is not supported by this deployment yet.", authFlow);
            });
        }));
    }

    public Uni<ObjectNode> respondToAuthChallenge(Params request, boolean admin) {
        String challengeName = request.optionalEnum("ChallengeName", CHALLENGES);
        if (challengeName == null) {
            throw INVALID_PARAMETER.withMessage("1 validation error detected: Value at 'challengeName' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        String session = request.optional("Session", 20, 2048);
        Map<String, String> responses = request.stringMap("ChallengeResponses");
        return Panache.withSession(() -> client(request, admin).chain(client -> pools.cached(client.poolId())
                .chain(pool -> respond(pool, client, challengeName, session, responses))));
    }

    private Uni<ObjectNode> respond(UserPool pool, AppClient client, String challengeName, String session,
            Map<String, String> responses) {
        return switch (challengeName) {
            case "PASSWORD_VERIFIER" -> srpFlow.verify(pool, client, responses);
            case "DEVICE_SRP_AUTH" -> deviceFlow.start(pool, client, session, responses);
            case "DEVICE_PASSWORD_VERIFIER" -> deviceFlow.verify(pool, client, session, responses);
            case "SOFTWARE_TOKEN_MFA", "EMAIL_OTP", "SMS_MFA", "SELECT_MFA_TYPE", "MFA_SETUP" ->
                mfaFlow.respond(pool, client, challengeName, session, responses);
            case "NEW_PASSWORD_REQUIRED" -> {
                if (session == null) {
                    throw INVALID_PARAMETER.withMessage("Missing required parameter Session");
                }
                yield newPasswordFlow.respond(pool, client, session, responses);
            }
            default -> throw INVALID_PARAMETER.withMessage("The %s challenge is not supported by this deployment yet.",
                    challengeName);
        };
    }

    private Uni<AppClient> client(Params request, boolean admin) {
        String clientId = request.clientId();
        if (admin) {
            return clients.cached(request.userPoolId(), clientId);
        }
        return clients.cachedById(clientId);
    }
}
