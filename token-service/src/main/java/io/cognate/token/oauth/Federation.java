package io.cognate.token.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cognate.contracts.userpool.v1.Domain;
import io.cognate.contracts.userpool.v1.ExternalProvider;
import io.cognate.contracts.userpool.v1.FederatedSignInRequest;
import io.cognate.contracts.userpool.v1.FindIdentityProviderRequest;
import io.cognate.saml.SamlException;
import io.cognate.token.userpool.UserPoolClient;
import io.cognate.token.userpool.UserPoolException;
import io.smallrye.mutiny.Uni;

/**
 * Sign-in at a pool's external identity provider: the redirect there (the provider named by identity_provider, or
 * found by idp_identifier, and offered by the client), and the way back through {@code /oauth2/idpresponse}: the
 * state opened, the provider's code redeemed and its user signed in to the pool (user-pool-service creates or updates
 * them). A failure at the provider goes to the client's redirect URI as an OAuth error, as Cognito relays it.
 */
@ApplicationScoped
public class Federation {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAML = "SAML";

    /** Where a sign-in goes next: the provider, or the client (an error), or the signed-in user to complete. */
    public sealed interface Next {
    }

    /** To the provider, with the state whose {@link #binding} the browser keeps in a cookie until it comes back. */
    public record ToProvider(String location, String state) implements Next {
    }

    /** The cookie that ties a provider's answer to the browser that was sent there (RFC 6749 §10.12). */
    public static final String BINDING_COOKIE = "cognito-federation";

    public record Refused(Authorization.RedirectError error) implements Next {
    }

    public record SignedIn(AuthorizationRequest authorization, SessionCookie.SignedIn user) implements Next {
    }

    /** The state does not open: not this pool's, tampered with, or older than ten minutes. */
    public record Unmatched() implements Next {
    }

    private final UserPoolClient userPools;
    private final Domains domains;
    private final ExternalProviders providers;
    private final FederationState states;
    private final AuthorizationRequests authorizations;
    private final Clock clock;
    private final SamlProviders saml;

    public Federation(UserPoolClient userPools, Domains domains, ExternalProviders providers, FederationState states,
            AuthorizationRequests authorizations, Clock clock, SamlProviders saml) {
        this.saml = saml;
        this.userPools = userPools;
        this.domains = domains;
        this.providers = providers;
        this.states = states;
        this.authorizations = authorizations;
        this.clock = clock;
    }

    /** The redirect to the provider the request names; {@code query} the authorization request's parameters. */
    public Uni<Next> start(Domain domain, AuthorizationRequest authorization, Map<String, String> query) {
        FindIdentityProviderRequest find = FindIdentityProviderRequest.newBuilder().setUserPoolId(domain
                .getUserPoolId()).setProviderName(authorization.identityProvider())
                .setIdpIdentifier(authorization.idpIdentifier()).build();
        return userPools.call(ui -> ui.findIdentityProvider(find)).<Next> chain(provider -> {
            if (!authorization.client().getIdentityProvidersList().contains(provider.getProviderName())) {
                return Uni.createFrom().item(refused(authorization, "invalid_request",
                        "The identity provider is not configured for the client"));
            }
            FederationState.Pending pending = states.start(provider.getProviderName(), query);
            String state = states.seal(domain.getUserPoolId(), pending);
            Uni<String> location = SAML.equals(provider.getProviderType())
                    ? saml.authnRequestUrl(provider, domain.getUserPoolId(), samlResponseUrl(domain), state)
                    : providers.authorizeUrl(provider, idpResponseUrl(domain), state, pending);
            return location.map(url -> (Next) new ToProvider(url, state));
        }).onFailure(UserPoolException::notFound).recoverWithItem(e -> refused(authorization, "invalid_request",
                "The identity provider is not configured for the client"))
                .onFailure(ExternalProviders.ProviderException.class)
                .recoverWithItem(e -> refused(authorization, "server_error", e.getMessage()))
                .onFailure(SamlException.class)
                .recoverWithItem(e -> refused(authorization, "server_error", e.getMessage()));
    }

    /** What the browser keeps for a state: its hash, so that the cookie alone reveals nothing. */
    public static String binding(String state) {
        return AuthorizationCodes.s256(state);
    }

    /** Whether the browser's binding cookie is the state's: the answer comes back to the browser that was sent. */
    static boolean bound(String state, String bindingCookie) {
        return bindingCookie != null && MessageDigest.isEqual(binding(state).getBytes(StandardCharsets.US_ASCII),
                bindingCookie.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The provider's answer at /oauth2/idpresponse: its code (or error) and the state this service sent, from the
     * browser that holds the state's binding cookie (another browser's answer is not signed in here: login CSRF).
     */
    public Uni<Next> finish(Domain domain, Map<String, String> answer, String bindingCookie) {
        String state = answer.getOrDefault("state", "");
        var pending = states.open(domain.getUserPoolId(), state);
        if (pending.isEmpty() || !bound(state, bindingCookie)) {
            return Uni.createFrom().item((Next) new Unmatched());
        }
        return authorizations.validate(domain.getUserPoolId(), pending.get().parameters()).chain(validated -> {
            if (!(validated instanceof Authorization.Valid valid)) {
                return Uni.createFrom().item((Next) new Unmatched());
            }
            AuthorizationRequest authorization = valid.request();
            String error = answer.getOrDefault("error", "");
            if (!error.isEmpty()) {
                return Uni.createFrom().item(refused(authorization, error.matches("[\\x20-\\x7E]{1,64}") ? error
                        : "invalid_request", answer.getOrDefault("error_description", "")));
            }
            String code = answer.getOrDefault("code", "");
            if (code.isEmpty()) {
                return Uni.createFrom().item(refused(authorization, "invalid_request",
                        "The identity provider sent no code."));
            }
            return signIn(domain, authorization, pending.get(), code);
        });
    }

    private Uni<Next> signIn(Domain domain, AuthorizationRequest authorization, FederationState.Pending pending,
            String code) {
        FindIdentityProviderRequest find = FindIdentityProviderRequest.newBuilder()
                .setUserPoolId(domain.getUserPoolId()).setProviderName(pending.provider()).build();
        return userPools.call(ui -> ui.findIdentityProvider(find))
                .chain(provider -> providers.redeem(provider, code, idpResponseUrl(domain), pending)
                        .chain(user -> federatedSignIn(authorization, provider, user)))
                .onFailure(ExternalProviders.ProviderException.class)
                .recoverWithItem(e -> refused(authorization, "invalid_request", e.getMessage()))
                .onFailure(e -> e instanceof UserPoolException refusal && refusal.kind() != UserPoolException.Kind.UNAVAILABLE)
                .recoverWithItem(e -> refused(authorization, "invalid_request", e.getMessage()));
    }

    private Uni<Next> federatedSignIn(AuthorizationRequest authorization, ExternalProvider provider,
            ExternalProviders.ProviderUser user) {
        return federatedSignIn(authorization, FederatedSignInRequest.newBuilder()
                .setClientId(authorization.client().getClientId()).setProviderName(provider.getProviderName())
                .setSubject(user.subject()).putAllClaims(strings(user.claims()))
                .putAllTokenResponse(strings(user.tokenResponse())).putAllIdToken(strings(user.idToken()))
                .putAllUserInfo(strings(user.userInfo())).build(), null);
    }

    /** Claims as strings: a JSON value that is not a string as its JSON; nulls left out. */
    private static Map<String, String> strings(Map<String, Object> claims) {
        Map<String, String> strings = new LinkedHashMap<>();
        claims.forEach((name, value) -> {
            if (value != null) {
                strings.put(name, value instanceof String text ? text : json(value));
            }
        });
        return strings;
    }

    /** Signs in the user a provider vouched for (user-pool-service creates or updates them). */
    Uni<Next> federatedSignIn(AuthorizationRequest authorization, FederatedSignInRequest request,
            SessionCookie.SamlSession saml) {
        return userPools.call(ui -> ui.federatedSignIn(request)).map(signedIn -> new SignedIn(authorization,
                new SessionCookie.SignedIn(signedIn.getSub(), signedIn.getUsername(), clock.instant()
                        .getEpochSecond(), List.of(), saml)));
    }

    /** A claim that is not a string, as its JSON (a boolean, a number, an object). */
    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /** The pool's SAML ACS: where providers post their answers. */
    String samlResponseUrl(Domain domain) {
        return domains.baseUrl(domain) + "/saml2/idpresponse";
    }

    private String idpResponseUrl(Domain domain) {
        return domains.baseUrl(domain) + "/oauth2/idpresponse";
    }

    static Next refused(AuthorizationRequest authorization, String error, String description) {
        return new Refused(new Authorization.RedirectError(authorization.redirectUri(), authorization.implicit(), error,
                description, authorization.state()));
    }
}
