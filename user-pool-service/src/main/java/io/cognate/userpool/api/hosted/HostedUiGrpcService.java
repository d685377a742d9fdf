package io.cognate.userpool.api.hosted;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import com.google.protobuf.ByteString;

import io.cognate.contracts.userpool.v1.AssociateSoftwareTokenRequest;
import io.cognate.contracts.userpool.v1.AssociateSoftwareTokenResponse;
import io.cognate.contracts.userpool.v1.ClientTokenCustomization;
import io.cognate.contracts.userpool.v1.CodeDelivery;
import io.cognate.contracts.userpool.v1.ConfirmRequest;
import io.cognate.contracts.userpool.v1.CustomizeClientTokenRequest;
import io.cognate.contracts.userpool.v1.Domain;
import io.cognate.contracts.userpool.v1.DomainsOfPoolRequest;
import io.cognate.contracts.userpool.v1.DomainsOfPoolResponse;
import io.cognate.contracts.userpool.v1.Empty;
import io.cognate.contracts.userpool.v1.ExternalProvider;
import io.cognate.contracts.userpool.v1.FederatedSignInRequest;
import io.cognate.contracts.userpool.v1.FederatedUser;
import io.cognate.contracts.userpool.v1.FindClientRequest;
import io.cognate.contracts.userpool.v1.FindDomainRequest;
import io.cognate.contracts.userpool.v1.FindIdentityProviderRequest;
import io.cognate.contracts.userpool.v1.HostedRespondRequest;
import io.cognate.contracts.userpool.v1.HostedSignInRequest;
import io.cognate.contracts.userpool.v1.HostedSignUpRequest;
import io.cognate.contracts.userpool.v1.HostedUi;
import io.cognate.contracts.userpool.v1.IssueTokensRequest;
import io.cognate.contracts.userpool.v1.IssuedTokens;
import io.cognate.contracts.userpool.v1.OAuthClient;
import io.cognate.contracts.userpool.v1.RefreshTokensRequest;
import io.cognate.contracts.userpool.v1.RevokeTokenRequest;
import io.cognate.contracts.userpool.v1.SamlServiceProviderKeys;
import io.cognate.contracts.userpool.v1.SamlServiceProviderRequest;
import io.cognate.contracts.userpool.v1.SignInStep;
import io.cognate.contracts.userpool.v1.UserInfoRequest;
import io.cognate.contracts.userpool.v1.UserInfoResponse;
import io.cognate.contracts.userpool.v1.UserRef;
import io.cognate.contracts.userpool.v1.VerifySoftwareTokenRequest;
import io.cognate.contracts.userpool.v1.VerifySoftwareTokenResponse;
import io.cognate.userpool.api.RateCategory;
import io.cognate.userpool.api.RateLimits;
import io.cognate.userpool.api.RefusalFloor;
import io.cognate.userpool.auth.ChallengeResponse;
import io.cognate.userpool.auth.FederatedSignIn;
import io.cognate.userpool.auth.HostedTokens;
import io.cognate.userpool.auth.SignInService;
import io.cognate.userpool.auth.SignOutService;
import io.cognate.userpool.auth.SoftwareTokens;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.DomainService;
import io.cognate.userpool.service.IdentityProviderService;
import io.cognate.userpool.service.RecoveryService;
import io.cognate.userpool.service.SignUpRequest;
import io.cognate.userpool.service.SignUpService;
import io.cognate.userpool.service.UserPoolService;
import io.cognate.userpool.service.UserSelfService;
import io.cognate.userpool.triggers.ProviderAnswer;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/**
 * The hosted pages' edge (cognate.userpool.v1.HostedUi, called by token-service): each call runs the flow the
 * matching Cognito action runs, counted against the same rate-limit category and with the same refusals. The edge is
 * the client's own page, so it stands in for the client's secret where the API asks for SECRET_HASH.
 */
@GrpcService
public class HostedUiGrpcService implements HostedUi {
    private final DomainService domains;
    private final AppClientService clients;
    private final UserPoolService pools;
    private final HostedClients hostedClients;
    private final SignInService signIn;
    private final SignOutService signOut;
    private final SoftwareTokens softwareTokens;
    private final HostedTokens hostedTokens;
    private final UserSelfService self;
    private final SignUpService signUps;
    private final RecoveryService recovery;
    private final RateLimits rateLimits;
    private final IdentityProviderService identityProviders;
    private final FederatedSignIn federated;

    public HostedUiGrpcService(DomainService domains, AppClientService clients, UserPoolService pools,
            HostedClients hostedClients, SignInService signIn, SignOutService signOut, SoftwareTokens softwareTokens,
            HostedTokens hostedTokens, UserSelfService self, SignUpService signUps, RecoveryService recovery,
            RateLimits rateLimits, IdentityProviderService identityProviders, FederatedSignIn federated) {
        this.domains = domains;
        this.clients = clients;
        this.pools = pools;
        this.hostedClients = hostedClients;
        this.signIn = signIn;
        this.signOut = signOut;
        this.softwareTokens = softwareTokens;
        this.hostedTokens = hostedTokens;
        this.self = self;
        this.signUps = signUps;
        this.recovery = recovery;
        this.rateLimits = rateLimits;
        this.identityProviders = identityProviders;
        this.federated = federated;
    }

    @Override
    public Uni<Domain> findDomain(FindDomainRequest request) {
        return call(() -> domains.describe(request.getDomain()).map(domain -> {
            if (domain == null) {
                throw HostedErrors.notFound("No user pool has the domain " + request.getDomain());
            }
            return HostedReplies.domain(domain);
        }));
    }

    @Override
    public Uni<DomainsOfPoolResponse> domainsOfPool(DomainsOfPoolRequest request) {
        return call(() -> domains.ofPool(request.getUserPoolId()).map(owned -> DomainsOfPoolResponse.newBuilder()
                .addAllDomains(owned.stream().map(HostedReplies::domain).toList()).build()));
    }

    @Override
    public Uni<OAuthClient> findClient(FindClientRequest request) {
        return call(() -> hostedClients.describe(request.getClientId()));
    }

    @Override
    public Uni<SignInStep> signIn(HostedSignInRequest request) {
        long arrived = System.nanoTime();
        return limited(request.getClientId(), RateCategory.UserAuthentication, client -> RefusalFloor.refusals(
                signIn.hostedSignIn(client.id(), request.getUsername(), request.getPassword()), arrived)
                .map(HostedReplies::step));
    }

    @Override
    public Uni<SignInStep> respond(HostedRespondRequest request) {
        long arrived = System.nanoTime();
        RateCategory category = "NEW_PASSWORD_REQUIRED".equals(request.getChallengeName())
                ? RateCategory.UserAccountRecovery
                : RateCategory.UserAuthentication;
        return limited(request.getClientId(), category, client -> {
            Map<String, String> responses = new HashMap<>(request.getResponsesMap());
            responses.put("USERNAME", request.getUsername());
            String secretHash = AppClientService.secretHashOf(client, request.getUsername());
            if (secretHash != null) {
                responses.put("SECRET_HASH", secretHash);
            }
            ChallengeResponse challenge = new ChallengeResponse(false, null, client.id(), request.getChallengeName(),
                    request.getSession(), responses, Map.of());
            return RefusalFloor.refusals(signIn.hostedRespond(challenge), arrived).map(HostedReplies::step);
        });
    }

    @Override
    public Uni<AssociateSoftwareTokenResponse> associateSoftwareToken(AssociateSoftwareTokenRequest request) {
        return limited(request.getClientId(), RateCategory.UserResourceUpdate,
                client -> softwareTokens.associate(null, request.getSession())
                        .map(association -> AssociateSoftwareTokenResponse.newBuilder()
                                .setSecretCode(association.secretCode()).setSession(association.session()).build()));
    }

    @Override
    public Uni<VerifySoftwareTokenResponse> verifySoftwareToken(VerifySoftwareTokenRequest request) {
        return limited(request.getClientId(), RateCategory.UserResourceUpdate,
                client -> softwareTokens.verify(null, request.getSession(), request.getCode())
                        .map(session -> VerifySoftwareTokenResponse.newBuilder().setSession(session).build()));
    }

    @Override
    public Uni<IssuedTokens> issueTokens(IssueTokensRequest request) {
        return call(() -> hostedTokens.issue(request.getClientId(), UUID.fromString(request.getSub()),
                request.getAuthTime(), List.copyOf(request.getAmrList()), List.copyOf(request.getScopesList()),
                request.getNonce()).map(HostedReplies::tokens));
    }

    @Override
    public Uni<IssuedTokens> refreshTokens(RefreshTokensRequest request) {
        return limited(request.getClientId(), RateCategory.UserAuthentication,
                client -> signIn.getTokensFromRefreshToken(client.id(), client.secret(), request.getRefreshToken(),
                        Map.of()).map(HostedReplies::tokens));
    }

    @Override
    public Uni<UserInfoResponse> userInfo(UserInfoRequest request) {
        return call(() -> self.userInfo(request.getAccessToken())
                .map(claims -> UserInfoResponse.newBuilder().putAllClaims(claims).build()));
    }

    @Override
    public Uni<Empty> revokeToken(RevokeTokenRequest request) {
        return limited(request.getClientId(), RateCategory.UserToken,
                client -> signOut.revokeToken(request.getRefreshToken(), client.id(), client.secret())
                        .replaceWith(Empty.getDefaultInstance()));
    }

    @Override
    public Uni<ClientTokenCustomization> customizeClientToken(CustomizeClientTokenRequest request) {
        return limited(request.getClientId(), RateCategory.UserToken, client -> hostedTokens.clientCredentials(
                client.id(), List.copyOf(request.getScopesList()), request.getClientMetadataMap())
                .map(HostedReplies::clientToken));
    }

    @Override
    public Uni<CodeDelivery> signUp(HostedSignUpRequest request) {
        return limited(request.getClientId(), RateCategory.UserCreation, client -> signUps.signUp(new SignUpRequest(
                client.id(), request.getUsername(), request.getPassword(),
                AppClientService.secretHashOf(client, request.getUsername()), request.getAttributesMap(), Map.of(),
                Map.of()))
                .map(result -> HostedReplies.delivery(result.userConfirmed(), result.codeDelivery())));
    }

    @Override
    public Uni<Empty> confirmSignUp(ConfirmRequest request) {
        return limited(request.getClientId(), RateCategory.UserCreation, client -> signUps.confirmSignUp(client.id(),
                request.getUsername(), request.getCode(), AppClientService.secretHashOf(client, request.getUsername()),
                false, Map.of()).replaceWith(Empty.getDefaultInstance()));
    }

    @Override
    public Uni<CodeDelivery> resendConfirmationCode(UserRef request) {
        return limited(request.getClientId(), RateCategory.UserResourceRead, client -> signUps.resendConfirmationCode(
                client.id(), request.getUsername(), AppClientService.secretHashOf(client, request.getUsername()),
                Map.of()).map(details -> HostedReplies.delivery(false, details)));
    }

    @Override
    public Uni<CodeDelivery> forgotPassword(UserRef request) {
        return limited(request.getClientId(), RateCategory.UserAccountRecovery, client -> recovery.forgotPassword(
                client.id(), request.getUsername(), AppClientService.secretHashOf(client, request.getUsername()),
                Map.of())
                .map(details -> HostedReplies.delivery(false, details)));
    }

    @Override
    public Uni<Empty> confirmForgotPassword(ConfirmRequest request) {
        return limited(request.getClientId(), RateCategory.UserAccountRecovery, client -> recovery
                .confirmForgotPassword(client.id(), request.getUsername(), request.getCode(), request.getPassword(),
                        AppClientService.secretHashOf(client, request.getUsername()), Map.of())
                .replaceWith(Empty.getDefaultInstance()));
    }

    @Override
    public Uni<ExternalProvider> findIdentityProvider(FindIdentityProviderRequest request) {
        return call(() -> (request.getIdpIdentifier().isEmpty()
                ? identityProviders.describe(request.getUserPoolId(), request.getProviderName())
                : identityProviders.byIdentifier(request.getUserPoolId(), request.getIdpIdentifier()))
                .map(provider -> ExternalProvider.newBuilder().setProviderName(provider.name())
                        .setProviderType(provider.type()).putAllDetails(provider.details()).build()));
    }

    @Override
    public Uni<FederatedUser> federatedSignIn(FederatedSignInRequest request) {
        if (request.getReplayKey().length() > 64) {
            return Uni.createFrom().failure(HostedErrors.toStatus(INVALID_PARAMETER.withMessage("replay_key is "
                    + "longer than 64 characters.")));
        }
        return limited(request.getClientId(), RateCategory.UserAuthentication, client -> federated
                .signIn(client.id(), request.getProviderName(), request.getSubject(), request.getClaimsMap(),
                        new ProviderAnswer(request.getTokenResponseMap(), request.getIdTokenMap(),
                                request.getUserInfoMap(), request.getSamlResponseMap()),
                        request.getReplayKey(), Instant.ofEpochSecond(request.getReplayUntil()))
                .map(user -> FederatedUser.newBuilder().setSub(user.sub.toString()).setUsername(user.username)
                        .build()));
    }

    @Override
    public Uni<SamlServiceProviderKeys> samlServiceProvider(SamlServiceProviderRequest request) {
        return call(() -> identityProviders.samlKeys(request.getUserPoolId()).map(keys -> {
            try {
                return SamlServiceProviderKeys.newBuilder()
                        .setSigningKey(ByteString.copyFrom(keys.signing().privateKey()))
                        .setSigningCertificate(ByteString.copyFrom(keys.signing().certificate().getEncoded()))
                        .setEncryptionKey(ByteString.copyFrom(keys.encryption().privateKey()))
                        .setEncryptionCertificate(ByteString.copyFrom(keys.encryption().certificate().getEncoded()))
                        .build();
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    /** A call for a client, counted against its pool's quota for the category as the matching action is. */
    private <T> Uni<T> limited(String clientId, RateCategory category, Function<AppClient, Uni<T>> body) {
        return call(() -> clients.cachedById(clientId).chain(client -> pools.cached(client.poolId())
                .chain(pool -> rateLimits.admit(category, pool)).chain(() -> body.apply(client))));
    }

    /** Runs a call so that a refusal reaches token-service as a status naming Cognito's error, never half-done. */
    private static <T> Uni<T> call(Supplier<Uni<T>> body) {
        return Uni.createFrom().deferred(() -> {
            try {
                return body.get();
            } catch (RuntimeException e) {
                return Uni.createFrom().failure(e);
            }
        }).onFailure().transform(HostedErrors::toStatus).memoize().indefinitely();
    }
}
