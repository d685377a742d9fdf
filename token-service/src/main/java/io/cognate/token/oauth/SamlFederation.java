package io.cognate.token.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.userpool.v1.Domain;
import io.cognate.contracts.userpool.v1.ExternalProvider;
import io.cognate.contracts.userpool.v1.FederatedSignInRequest;
import io.cognate.contracts.userpool.v1.FindIdentityProviderRequest;
import io.cognate.saml.SamlException;
import io.cognate.saml.SamlResponses;
import io.cognate.token.userpool.UserPoolClient;
import io.cognate.token.userpool.UserPoolException;
import io.smallrye.mutiny.Uni;

/**
 * The answers of SAML providers: a Response posted to {@code /saml2/idpresponse} signs its user in. One that answers
 * this pool's AuthnRequest carries the state in RelayState and comes from the browser holding the state's binding
 * cookie; an unsolicited one (IdP-initiated) is taken only from a provider with IDPInit, its RelayState naming the
 * client's authorization request ({@code client_id}, {@code redirect_uri}, {@code response_type}, {@code scope}, and
 * {@code identity_provider} or {@code idp_identifier}). Every assertion signs in once. Sign-out ends the provider's
 * session too when it has IDPSignout: a signed LogoutRequest, whose LogoutResponse comes back to
 * {@code /saml2/logout}.
 */
@ApplicationScoped
public class SamlFederation {
    /** In a sign-out's state: where the browser goes once the provider has signed it out. */
    private static final String AFTER_LOGOUT = "after_logout";

    private final Federation federation;
    private final SamlProviders saml;
    private final FederationState states;
    private final AuthorizationRequests authorizations;
    private final UserPoolClient userPools;
    private final Domains domains;

    public SamlFederation(Federation federation, SamlProviders saml, FederationState states,
            AuthorizationRequests authorizations, UserPoolClient userPools, Domains domains) {
        this.federation = federation;
        this.saml = saml;
        this.states = states;
        this.authorizations = authorizations;
        this.userPools = userPools;
        this.domains = domains;
    }

    /** A Response posted to the ACS, with its RelayState, from a browser with (or without) a binding cookie. */
    public Uni<Federation.Next> answer(Domain domain, String samlResponse, String relayState, String bindingCookie) {
        String poolId = domain.getUserPoolId();
        var pending = states.open(poolId, relayState);
        if (pending.isPresent()) {
            if (!Federation.bound(relayState, bindingCookie) || pending.get().query().containsKey(AFTER_LOGOUT)) {
                return unmatched();
            }
            return authorizations.validate(poolId, pending.get().parameters())
                    .chain(validated -> validated instanceof Authorization.Valid valid
                            ? signIn(domain, valid.request(), pending.get().provider(), "", samlResponse,
                                    SamlProviders.requestId(relayState))
                            : unmatched());
        }
        Map<String, List<String>> parameters = query(relayState);
        if (!parameters.containsKey("client_id")) {
            return unmatched();
        }
        return authorizations.validate(poolId, parameters).chain(validated -> {
            if (!(validated instanceof Authorization.Valid valid)) {
                return unmatched();
            }
            AuthorizationRequest authorization = valid.request();
            if (!authorization.external()) {
                return Uni.createFrom().item(Federation.refused(authorization, "invalid_request", "The RelayState "
                        + "of an IdP-initiated sign-in must name identity_provider or idp_identifier."));
            }
            return signIn(domain, authorization, authorization.identityProvider(), authorization.idpIdentifier(),
                    samlResponse, null);
        });
    }

    private Uni<Federation.Next> signIn(Domain domain, AuthorizationRequest authorization, String providerName,
            String idpIdentifier, String samlResponse, String inResponseTo) {
        String poolId = domain.getUserPoolId();
        return provider(poolId, providerName, idpIdentifier).chain(provider -> {
            if (!"SAML".equals(provider.getProviderType())
                    || !authorization.client().getIdentityProvidersList().contains(provider.getProviderName())) {
                return Uni.createFrom().item(Federation.refused(authorization, "invalid_request", "The identity "
                        + "provider is not a SAML provider configured for the client."));
            }
            if (inResponseTo == null && !SamlProviders.flag(provider, "IDPInit")) {
                return Uni.createFrom().item(Federation.refused(authorization, "invalid_request", "Identity "
                        + "provider " + provider.getProviderName() + " does not allow IdP-initiated sign-in "
                        + "(IDPInit)."));
            }
            return saml.check(provider, poolId, federation.samlResponseUrl(domain), samlResponse, inResponseTo)
                    .chain(assertion -> signIn(authorization, provider, assertion));
        }).onFailure(SamlException.IdpRefusal.class)
                .recoverWithItem(e -> Federation.refused(authorization, "access_denied", e.getMessage()))
                .onFailure(SamlException.class)
                .recoverWithItem(e -> Federation.refused(authorization, "invalid_request", "Invalid SAML response: "
                        + e.getMessage()))
                .onFailure(UserPoolException::notFound)
                .recoverWithItem(e -> Federation.refused(authorization, "invalid_request", "The identity provider "
                        + "is not configured for the client"))
                .onFailure(e -> e instanceof UserPoolException refusal
                        && refusal.kind() != UserPoolException.Kind.UNAVAILABLE)
                .recoverWithItem(e -> Federation.refused(authorization, "invalid_request", e.getMessage()));
    }

    /** The assertion's user signed in: its attributes the claims, the assertion good once, the session kept. */
    private Uni<Federation.Next> signIn(AuthorizationRequest authorization, ExternalProvider provider,
            SamlResponses.Assertion assertion) {
        Map<String, String> attributes = SamlProviders.claims(assertion);
        String poolId = authorization.client().getUserPoolId();
        return federation.federatedSignIn(authorization, FederatedSignInRequest.newBuilder()
                .setClientId(authorization.client().getClientId()).setProviderName(provider.getProviderName())
                .setSubject(assertion.nameId()).putAllClaims(attributes).putAllSamlResponse(attributes)
                .setReplayKey("saml:" + AuthorizationCodes.s256(poolId + "\u0000" + provider.getProviderName()
                        + "\u0000" + assertion.id()))
                .setReplayUntil(assertion.notOnOrAfter().getEpochSecond()).build(),
                new SessionCookie.SamlSession(provider.getProviderName(), assertion.nameId(),
                        assertion.nameIdFormat(), assertion.sessionIndex()));
    }

    /**
     * Where {@code /logout} sends the browser: for a user signed in at a SAML provider with IDPSignout, that
     * provider's SLO service (then, by way of {@code /saml2/logout}, {@code destination}); else {@code destination}.
     */
    public Uni<String> logoutLocation(Domain domain, SessionCookie.SamlSession session, String destination) {
        if (session == null) {
            return Uni.createFrom().item(destination);
        }
        String poolId = domain.getUserPoolId();
        return provider(poolId, session.provider(), "").chain(provider -> {
            if (!SamlProviders.signsOut(provider)) {
                return Uni.createFrom().item(destination);
            }
            String state = states.seal(poolId, states.start(provider.getProviderName(), Map.of(AFTER_LOGOUT,
                    destination)));
            return saml.logoutUrl(provider, poolId, session, state);
        }).onFailure(e -> UserPoolException.notFound(e) || e instanceof SamlException).recoverWithItem(destination);
    }

    /** The provider's LogoutResponse: where the browser goes now, or empty when it answers no sign-out of ours. */
    public Uni<Optional<String>> loggedOut(Domain domain, String samlResponse, String relayState) {
        String poolId = domain.getUserPoolId();
        var pending = states.open(poolId, relayState);
        if (pending.isEmpty() || !pending.get().query().containsKey(AFTER_LOGOUT)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return provider(poolId, pending.get().provider(), "").map(provider -> {
            saml.checkLogout(provider, poolId, domains.baseUrl(domain) + "/saml2/logout", samlResponse, relayState);
            return Optional.of(pending.get().query().get(AFTER_LOGOUT));
        }).onFailure(e -> UserPoolException.notFound(e) || e instanceof SamlException)
                .recoverWithItem(Optional.empty());
    }

    /** The pool's SAML metadata as a service provider, for its domain. */
    public Uni<String> metadata(Domain domain) {
        return saml.metadataOf(domain.getUserPoolId(), federation.samlResponseUrl(domain), domains.baseUrl(domain)
                + "/saml2/logout");
    }

    private Uni<ExternalProvider> provider(String poolId, String name, String idpIdentifier) {
        FindIdentityProviderRequest find = FindIdentityProviderRequest.newBuilder().setUserPoolId(poolId)
                .setProviderName(name).setIdpIdentifier(idpIdentifier).build();
        return userPools.call(ui -> ui.findIdentityProvider(find));
    }

    private static Uni<Federation.Next> unmatched() {
        return Uni.createFrom().item(new Federation.Unmatched());
    }

    /** An IdP-initiated RelayState: the authorization request's parameters, URL-encoded. */
    private static Map<String, List<String>> query(String relayState) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (relayState == null || relayState.length() > 8192) {
            return parameters;
        }
        for (String pair : relayState.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                try {
                    parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8), List.of(
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8)));
                } catch (IllegalArgumentException e) {
                    return Map.of();
                }
            }
        }
        return parameters;
    }
}
