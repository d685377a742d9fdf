package io.cognate.token.oauth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.userpool.v1.OAuthClient;
import io.smallrye.mutiny.Uni;

/**
 * Validates an authorization request as Cognito's authorize endpoint does: the client and its redirect URI first (a
 * failure there is shown on the error page, never sent to an unverified URI), then the response type, the client's
 * flows, PKCE (S256 only, optional) and the scopes (those the client may not have are dropped; none left of those
 * asked for is invalid_scope), each refused at the redirect URI with the OAuth error code.
 */
@ApplicationScoped
public class AuthorizationRequests {
    /** RFC 7636 §4.2: the S256 challenge is base64url, 43 to 128 characters. */
    private static final Pattern CODE_CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    /** Longest value of any parameter; a longer one is refused rather than carried through the pages. */
    static final int MAX_VALUE = 2048;
    private static final Set<String> SINGLE = Set.of("response_type", "client_id", "redirect_uri", "state", "scope",
            "nonce", "code_challenge", "code_challenge_method", "identity_provider", "idp_identifier", "prompt",
            "login_hint", "lang");

    private final OAuthClients clients;

    public AuthorizationRequests(OAuthClients clients) {
        this.clients = clients;
    }

    /** The request's parameters (each name with its values) for the domain of pool {@code poolId}. */
    public Uni<Authorization> validate(String poolId, Map<String, List<String>> parameters) {
        String clientId = first(parameters, "client_id");
        if (clientId.isEmpty()) {
            return Uni.createFrom().item(Authorization.ErrorPage.of("invalid_request"));
        }
        return clients.find(clientId).map(found -> {
            if (found.isEmpty() || !found.get().getUserPoolId().equals(poolId)) {
                return Authorization.ErrorPage.of("invalid_client");
            }
            return validate(found.get(), parameters);
        });
    }

    static Authorization validate(OAuthClient client, Map<String, List<String>> parameters) {
        String redirectUri = first(parameters, "redirect_uri");
        if (redirectUri.isEmpty()) {
            redirectUri = client.getDefaultRedirectUri();
        }
        if (redirectUri.isEmpty()) {
            return Authorization.ErrorPage.of("invalid_request");
        }
        if (!client.getCallbackUrlsList().contains(redirectUri)) {
            return Authorization.ErrorPage.of("redirect_mismatch");
        }
        if (!client.getOauthEnabled()) {
            return Authorization.ErrorPage.of("unauthorized_client");
        }
        String responseType = first(parameters, "response_type");
        boolean implicit = "token".equals(responseType);
        String state = first(parameters, "state");
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (SINGLE.contains(parameter.getKey()) && parameter.getValue().size() > 1) {
                return refuse(redirectUri, implicit, "invalid_request", parameter.getKey() + " is repeated", state);
            }
            if (parameter.getValue().stream().anyMatch(value -> value.length() > MAX_VALUE)) {
                return refuse(redirectUri, implicit, "invalid_request", parameter.getKey() + " is too long", state);
            }
        }
        if (responseType.isEmpty()) {
            return refuse(redirectUri, false, "invalid_request", "response_type is required", state);
        }
        if (!implicit && !"code".equals(responseType)) {
            return refuse(redirectUri, false, "unsupported_response_type", "response_type must be code or token",
                    state);
        }
        if (!client.getFlowsList().contains(implicit ? "implicit" : "code")) {
            return refuse(redirectUri, implicit, "unauthorized_client",
                    "The client may not use the " + (implicit ? "implicit" : "code") + " flow", state);
        }
        String challenge = first(parameters, "code_challenge");
        String method = first(parameters, "code_challenge_method");
        if (!challenge.isEmpty() || !method.isEmpty()) {
            if (!"S256".equals(method)) {
                return refuse(redirectUri, implicit, "invalid_request",
                        "code_challenge_method must be S256 (plain is not supported)", state);
            }
            if (!CODE_CHALLENGE.matcher(challenge).matches()) {
                return refuse(redirectUri, implicit, "invalid_request", "code_challenge is missing or malformed",
                        state);
            }
        }
        List<String> asked = scopes(first(parameters, "scope"));
        List<String> granted = asked.isEmpty() ? client.getScopesList()
                : asked.stream().filter(client.getScopesList()::contains).toList();
        if (granted.isEmpty()) {
            return refuse(redirectUri, implicit, "invalid_scope",
                    asked.isEmpty() ? "The client has no scopes" : "None of the scopes is allowed for the client",
                    state);
        }
        String provider = first(parameters, "identity_provider");
        if (!provider.isEmpty() && !client.getIdentityProvidersList().contains(provider)) {
            return refuse(redirectUri, implicit, "invalid_request", "The identity provider is not configured for "
                    + "the client", state);
        }
        String prompt = first(parameters, "prompt");
        return new Authorization.Valid(new AuthorizationRequest(client, responseType, redirectUri, state, granted,
                first(parameters, "nonce"), challenge, "login".equals(prompt) || "none".equals(prompt) ? prompt : "",
                first(parameters, "login_hint"), first(parameters, "lang"), provider,
                first(parameters, "idp_identifier")));
    }

    /** The scope parameter's scopes, in order, each once. */
    static List<String> scopes(String scope) {
        return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(scope.split(" ")).filter(s -> !s.isEmpty())
                .toList()));
    }

    private static Authorization refuse(String redirectUri, boolean fragment, String error, String description,
            String state) {
        return new Authorization.RedirectError(redirectUri, fragment, error, description, state);
    }

    static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }
}
