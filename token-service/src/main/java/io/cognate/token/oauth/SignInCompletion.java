package io.cognate.token.oauth;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.userpool.v1.IssueTokensRequest;
import io.cognate.token.userpool.UserPoolClient;
import io.smallrye.mutiny.Uni;

/**
 * The end of an authorization request whose user is signed in (just now, or by the session cookie): tokens for the
 * client and granted scopes, answered at the redirect URI as a code (the code flow) or as the tokens themselves in the
 * fragment (the implicit flow, which never gets a refresh token).
 */
@ApplicationScoped
public class SignInCompletion {
    private final UserPoolClient userPools;
    private final AuthorizationCodes codes;

    public SignInCompletion(UserPoolClient userPools, AuthorizationCodes codes) {
        this.userPools = userPools;
        this.codes = codes;
    }

    /**
     * Where to send the browser. Fails with a refusal ({@link io.cognate.token.userpool.UserPoolException}) when the
     * user may no longer sign in (disabled, deleted, signed out since).
     */
    public Uni<String> complete(AuthorizationRequest request, SessionCookie.SignedIn user) {
        IssueTokensRequest issue = IssueTokensRequest.newBuilder().setClientId(request.client().getClientId())
                .setSub(user.sub()).setAuthTime(user.authTime()).addAllAmr(user.amr()).addAllScopes(request.scopes())
                .setNonce(request.nonce()).build();
        return userPools.call(ui -> ui.issueTokens(issue)).map(GrantedTokens::of).chain(tokens -> {
            if (request.implicit()) {
                Map<String, String> fragment = new LinkedHashMap<>();
                fragment.put("id_token", tokens.idToken());
                fragment.put("access_token", tokens.accessToken());
                fragment.put("token_type", "Bearer");
                fragment.put("expires_in", Long.toString(tokens.expiresIn()));
                fragment.put("state", request.state());
                return Uni.createFrom().item(RedirectUris.withFragment(request.redirectUri(), fragment));
            }
            return codes.issue(request, tokens).map(code -> {
                Map<String, String> query = new LinkedHashMap<>();
                query.put("code", code);
                query.put("state", request.state());
                return RedirectUris.withQuery(request.redirectUri(), query);
            });
        });
    }

    /** An error for the client at its redirect URI (RFC 6749 §4.1.2.1, §4.2.2.1). */
    public static String error(Authorization.RedirectError error) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error.error());
        parameters.put("error_description", error.description());
        parameters.put("state", error.state());
        return error.fragment() ? RedirectUris.withFragment(error.redirectUri(), parameters)
                : RedirectUris.withQuery(error.redirectUri(), parameters);
    }
}
