package io.cognate.token.oauth;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.userpool.v1.ClientTokenCustomization;
import io.cognate.contracts.userpool.v1.CustomizeClientTokenRequest;
import io.cognate.contracts.userpool.v1.OAuthClient;
import io.cognate.contracts.userpool.v1.RefreshTokensRequest;
import io.cognate.token.service.ClaimSets;
import io.cognate.token.service.MintFlow;
import io.cognate.token.userpool.UserPoolClient;
import io.cognate.token.userpool.UserPoolException;
import io.smallrye.mutiny.Uni;

/**
 * The token endpoint's grants, after the client has authenticated: authorization_code (with PKCE), refresh_token
 * (new tokens and, where the client rotates them, a new refresh token) and client_credentials (a token for the
 * client itself, with custom scopes only).
 */
@ApplicationScoped
public class TokenGrants {

    /**
     * A token request's form, as RFC 6749 §4 names its members ("" when absent), and Cognito's aws_client_metadata
     * (for the client_credentials grant).
     */
    public record TokenRequest(String grantType, String code, String redirectUri, String codeVerifier,
            String refreshToken, String scope, Map<String, String> clientMetadata) {
    }

    private final AuthorizationCodes codes;
    private final MintFlow mint;
    private final UserPoolClient userPools;

    public TokenGrants(AuthorizationCodes codes, MintFlow mint, UserPoolClient userPools) {
        this.codes = codes;
        this.mint = mint;
        this.userPools = userPools;
    }

    public Uni<GrantedTokens> grant(OAuthClient client, TokenRequest request) {
        return switch (request.grantType()) {
            case "authorization_code" -> authorizationCode(client, request);
            case "refresh_token" -> refreshToken(client, request);
            case "client_credentials" -> clientCredentials(client, request);
            case "" -> Uni.createFrom().failure(new OAuthError("invalid_request", "grant_type is required"));
            default -> Uni.createFrom().failure(new OAuthError("unsupported_grant_type",
                    "grant_type must be authorization_code, refresh_token or client_credentials"));
        };
    }

    private Uni<GrantedTokens> authorizationCode(OAuthClient client, TokenRequest request) {
        if (!client.getOauthEnabled() || !client.getFlowsList().contains("code")) {
            return Uni.createFrom().failure(new OAuthError("unauthorized_client",
                    "The client may not use the authorization code grant."));
        }
        if (request.redirectUri().isEmpty()) {
            return Uni.createFrom().failure(new OAuthError("invalid_request", "redirect_uri is required"));
        }
        return codes.redeem(client, request.code(), request.redirectUri(), request.codeVerifier());
    }

    private Uni<GrantedTokens> refreshToken(OAuthClient client, TokenRequest request) {
        if (request.refreshToken().isEmpty()) {
            return Uni.createFrom().failure(new OAuthError("invalid_request", "refresh_token is required"));
        }
        return userPools.call(ui -> ui.refreshTokens(RefreshTokensRequest.newBuilder()
                .setClientId(client.getClientId()).setRefreshToken(request.refreshToken()).build()))
                .map(GrantedTokens::of)
                .onFailure(UserPoolException.class).transform(failure -> refused((UserPoolException) failure));
    }

    private Uni<GrantedTokens> clientCredentials(OAuthClient client, TokenRequest request) {
        if (!client.getOauthEnabled() || !client.getFlowsList().contains("client_credentials")) {
            return Uni.createFrom().failure(new OAuthError("invalid_grant",
                    "The client may not use the client_credentials grant."));
        }
        List<String> asked = AuthorizationRequests.scopes(request.scope());
        List<String> allowed = client.getScopesList();
        if (asked.stream().anyMatch(scope -> !allowed.contains(scope))) {
            return Uni.createFrom().failure(new OAuthError("invalid_scope",
                    "A requested scope is not allowed for the client."));
        }
        List<String> granted = asked.isEmpty() ? allowed : asked;
        if (granted.isEmpty()) {
            return Uni.createFrom().failure(new OAuthError("invalid_scope", "The client has no scopes."));
        }
        long validity = client.getAccessTokenValiditySeconds();
        Uni<ClientTokenCustomization> customization = !client.getCustomizesClientCredentials()
                ? Uni.createFrom().item(ClientTokenCustomization.newBuilder().addAllScopes(granted).build())
                : userPools.call(ui -> ui.customizeClientToken(CustomizeClientTokenRequest.newBuilder()
                        .setClientId(client.getClientId()).addAllScopes(granted)
                        .putAllClientMetadata(request.clientMetadata()).build()))
                        .onFailure(UserPoolException.class)
                        .transform(failure -> refused((UserPoolException) failure));
        return customization.chain(custom -> mint.clientCredentials(client.getUserPoolId(), client.getClientId(),
                custom.getScopesList(), validity, ClaimSets.parse(custom.getAccessTokenClaimsJson()),
                custom.getAccessTokenClaimsToSuppressList()))
                .map(token -> new GrantedTokens(token, "", "", validity));
    }

    /** A refused refresh is invalid_grant; user-pool-service's message says why. */
    private static Throwable refused(UserPoolException failure) {
        return failure.kind() == UserPoolException.Kind.REFUSED ? new OAuthError("invalid_grant", failure.getMessage())
                : failure;
    }
}
