package io.cognate.userpool.auth;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.error.CognitoError.NOT_AUTHORIZED;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.userpool.error.Refusal;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.UserPool;
import io.cognate.userpool.service.UserPoolService;
import io.smallrye.mutiny.Uni;

/** InitiateAuth / RespondToAuthChallenge and their Admin variants: checks the client, then hands off to the flow. */
@ApplicationScoped
public class SignInService {
    private final AppClientService clients;
    private final UserPoolService pools;
    private final PasswordFlow passwordFlow;
    private final SrpFlow srpFlow;
    private final RefreshFlow refreshFlow;
    private final NewPasswordFlow newPasswordFlow;
    private final MfaFlow mfaFlow;
    private final DeviceFlow deviceFlow;
    private final CustomAuthFlow customAuthFlow;

    private final Transactions transactions;

    public SignInService(AppClientService clients, UserPoolService pools, PasswordFlow passwordFlow, SrpFlow srpFlow,
            RefreshFlow refreshFlow, NewPasswordFlow newPasswordFlow, MfaFlow mfaFlow, DeviceFlow deviceFlow,
            CustomAuthFlow customAuthFlow, Transactions transactions) {
        this.customAuthFlow = customAuthFlow;
        this.transactions = transactions;
        this.clients = clients;
        this.pools = pools;
        this.passwordFlow = passwordFlow;
        this.srpFlow = srpFlow;
        this.refreshFlow = refreshFlow;
        this.newPasswordFlow = newPasswordFlow;
        this.mfaFlow = mfaFlow;
        this.deviceFlow = deviceFlow;
    }

    public Uni<SignInOutcome> initiateAuth(SignInRequest request) {
        AuthFlow flow = request.flow();
        Map<String, String> parameters = request.parameters();
        return transactions.session(() -> client(request.admin(), request.poolId(), request.clientId()).chain(client -> {
            if (!client.allows(flow.name())) {
                throw INVALID_PARAMETER.withMessage("%s flow not enabled for this client", flow);
            }
            return pools.cached(client.poolId()).chain(pool -> switch (flow) {
                case USER_SRP_AUTH -> srpFlow.start(pool, client, parameters, request.clientMetadata());
                case USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH ->
                    passwordFlow.signIn(pool, client, parameters, flow, request.clientMetadata());
                case REFRESH_TOKEN_AUTH, REFRESH_TOKEN -> refreshFlow.refresh(pool, client, parameters);
                case CUSTOM_AUTH -> customAuthFlow.start(pool, client, parameters, request.clientMetadata());
                default -> throw INVALID_PARAMETER.withMessage("%s is not supported by this deployment yet.", flow);
            });
        }));
    }

    /** GetTokensFromRefreshToken: the client authenticated by its secret, where it has one. */
    public Uni<SignInOutcome.Tokens> getTokensFromRefreshToken(String clientId, String clientSecret,
            String refreshToken, Map<String, String> clientMetadata) {
        return transactions.session(() -> clients.cachedById(clientId).chain(client -> {
            if (!AppClientService.secretMatches(client, clientSecret)) {
                throw NOT_AUTHORIZED.withMessage(clientSecret == null
                        ? "Client " + clientId + " is configured with secret but ClientSecret was not received"
                        : "Unable to verify client secret for client " + clientId);
            }
            return pools.cached(client.poolId()).chain(pool -> refreshFlow.refresh(pool,
                    client.calledWith(clientMetadata), refreshToken));
        }));
    }

    public Uni<SignInOutcome> respondToAuthChallenge(ChallengeResponse request) {
        return transactions.session(() -> client(request.admin(), request.poolId(), request.clientId())
                .chain(client -> pools.cached(client.poolId()).chain(pool -> respond(pool,
                        client.calledWith(request.clientMetadata()), request))))
                .map(outcome -> sameKind(outcome, false));
    }

    /**
     * The hosted pages' sign-in form: the password checked as USER_PASSWORD_AUTH checks it (whatever the client's
     * ExplicitAuthFlows), ending in an authenticated user or a challenge.
     */
    public Uni<SignInOutcome> hostedSignIn(String clientId, String username, String password) {
        return transactions.session(() -> clients.cachedById(clientId).chain(client -> pools.cached(client.poolId())
                .chain(pool -> passwordFlow.hostedSignIn(pool, client, username, password))));
    }

    /** A challenge of a hosted sign-in, answered on the hosted pages. */
    public Uni<SignInOutcome> hostedRespond(ChallengeResponse request) {
        return transactions.session(() -> clients.cachedById(request.clientId())
                .chain(client -> pools.cached(client.poolId()).chain(pool -> respond(pool, client, request))))
                .map(outcome -> sameKind(outcome, true));
    }

    /**
     * A sign-in ends where it started: the API's in tokens, the hosted pages' in an authenticated user. A Session of
     * one answered through the other is not valid there.
     */
    private static SignInOutcome sameKind(SignInOutcome outcome, boolean hosted) {
        boolean authenticated = outcome instanceof SignInOutcome.Authenticated;
        boolean tokens = outcome instanceof SignInOutcome.Tokens;
        if (hosted ? tokens : authenticated) {
            throw Refusal.INVALID_SESSION.exception();
        }
        return outcome;
    }

    private Uni<SignInOutcome> respond(UserPool pool, AppClient client, ChallengeResponse request) {
        Map<String, String> responses = request.responses();
        String session = request.session();
        return switch (request.challengeName()) {
            case "PASSWORD_VERIFIER" -> srpFlow.verify(pool, client, responses);
            case "CUSTOM_CHALLENGE" -> customAuthFlow.respond(pool, client, session, responses);
            case "DEVICE_SRP_AUTH" -> deviceFlow.start(pool, client, session, responses);
            case "DEVICE_PASSWORD_VERIFIER" -> deviceFlow.verify(pool, client, responses);
            case "SOFTWARE_TOKEN_MFA", "EMAIL_OTP", "SMS_MFA", "SELECT_MFA_TYPE", "MFA_SETUP" ->
                mfaFlow.respond(pool, client, Step.valueOf(request.challengeName()), session, responses);
            case "NEW_PASSWORD_REQUIRED" -> {
                if (session == null) {
                    throw INVALID_PARAMETER.withMessage("Missing required parameter Session");
                }
                yield newPasswordFlow.respond(pool, client, session, responses);
            }
            default -> throw INVALID_PARAMETER.withMessage("The %s challenge is not supported by this deployment yet.",
                    request.challengeName());
        };
    }

    private Uni<AppClient> client(boolean admin, String poolId, String clientId) {
        return admin ? clients.cached(poolId, clientId) : clients.cachedById(clientId);
    }
}
