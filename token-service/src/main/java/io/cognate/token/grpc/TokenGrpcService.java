package io.cognate.token.grpc;

import java.util.function.Supplier;

import io.cognate.contracts.token.v1.DeletePoolRequest;
import io.cognate.contracts.token.v1.DeletePoolResponse;
import io.cognate.contracts.token.v1.EnsureSigningKeyRequest;
import io.cognate.contracts.token.v1.EnsureSigningKeyResponse;
import io.cognate.contracts.token.v1.IntrospectRequest;
import io.cognate.contracts.token.v1.IntrospectResponse;
import io.cognate.contracts.token.v1.MintRequest;
import io.cognate.contracts.token.v1.MintResponse;
import io.cognate.contracts.token.v1.PublicKeysRequest;
import io.cognate.contracts.token.v1.PublicKeysResponse;
import io.cognate.contracts.token.v1.RefreshRequest;
import io.cognate.contracts.token.v1.RefreshResponse;
import io.cognate.contracts.token.v1.RevokeRequest;
import io.cognate.contracts.token.v1.RevokeResponse;
import io.cognate.contracts.token.v1.TokenService;
import io.cognate.token.service.IntrospectFlow;
import io.cognate.token.service.Issuer;
import io.cognate.token.service.MintFlow;
import io.cognate.token.service.RefreshFlow;
import io.cognate.token.service.RevokeFlow;
import io.cognate.token.service.RevokeOutcome;
import io.cognate.token.service.SigningKeys;
import io.cognate.token.service.TokenUse;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** The gRPC face of token-service (cognate.token.v1.TokenService), called by user-pool-service. */
@GrpcService
public class TokenGrpcService implements TokenService {

    private final MintFlow mintFlow;
    private final RefreshFlow refreshFlow;
    private final RevokeFlow revokeFlow;
    private final IntrospectFlow introspectFlow;
    private final SigningKeys signingKeys;
    private final Issuer issuer;

    public TokenGrpcService(MintFlow mintFlow, RefreshFlow refreshFlow, RevokeFlow revokeFlow,
            IntrospectFlow introspectFlow, SigningKeys signingKeys, Issuer issuer) {
        this.mintFlow = mintFlow;
        this.refreshFlow = refreshFlow;
        this.revokeFlow = revokeFlow;
        this.introspectFlow = introspectFlow;
        this.signingKeys = signingKeys;
        this.issuer = issuer;
    }

    @Override
    public Uni<MintResponse> mint(MintRequest request) {
        return call(() -> mintFlow.mint(Requests.mint(request)).map(Responses::mint));
    }

    @Override
    public Uni<RefreshResponse> refresh(RefreshRequest request) {
        return call(() -> {
            Requests.requirePool(request.getUserPoolId());
            Requests.require("client_id", request.getClientId());
            return refreshFlow.refresh(request.getUserPoolId(), request.getClientId(), request.getRefreshToken())
                    .map(Responses::refresh);
        });
    }

    @Override
    public Uni<RevokeResponse> revoke(RevokeRequest request) {
        return call(() -> {
            Requests.requirePool(request.getUserPoolId());
            Uni<RevokeOutcome> outcome = switch (request.getTargetCase()) {
                case REFRESH_TOKEN -> {
                    Requests.require("refresh_token.client_id", request.getRefreshToken().getClientId());
                    yield revokeFlow.revokeRefreshToken(request.getUserPoolId(),
                            request.getRefreshToken().getClientId(), request.getRefreshToken().getToken());
                }
                case SUB -> {
                    Requests.require("sub", request.getSub());
                    yield revokeFlow.revokeAllOfUser(request.getUserPoolId(), request.getSub());
                }
                case TARGET_NOT_SET -> throw GrpcErrors.invalid("either refresh_token or sub is required");
            };
            return outcome.map(Responses::revoke);
        });
    }

    @Override
    public Uni<IntrospectResponse> introspect(IntrospectRequest request) {
        return call(() -> {
            TokenUse expected = TokenUse.parse(request.getExpectedTokenUse())
                    .orElseThrow(() -> GrpcErrors.invalid("expected_token_use must be \"access\" or \"id\""));
            return introspectFlow.introspect(request.getToken(), expected).map(Responses::introspect);
        });
    }

    @Override
    public Uni<EnsureSigningKeyResponse> ensureSigningKey(EnsureSigningKeyRequest request) {
        return call(() -> {
            Requests.requirePool(request.getUserPoolId());
            return signingKeys.forSigning(request.getUserPoolId())
                    .map(keys -> EnsureSigningKeyResponse.newBuilder().setKeyId(keys.activeKid()).build());
        });
    }

    @Override
    public Uni<PublicKeysResponse> publicKeys(PublicKeysRequest request) {
        return call(() -> {
            Requests.requirePool(request.getUserPoolId());
            return signingKeys.of(request.getUserPoolId())
                    .map(keys -> Responses.publicKeys(keys, issuer.of(request.getUserPoolId())));
        });
    }

    @Override
    public Uni<DeletePoolResponse> deletePool(DeletePoolRequest request) {
        return call(() -> {
            Requests.requirePool(request.getUserPoolId());
            return signingKeys.deletePool(request.getUserPoolId()).map(done -> DeletePoolResponse.getDefaultInstance());
        });
    }

    /**
     * Runs a call so that validation errors and failures alike reach the client as gRPC statuses. Memoized: a caller
     * that gives up (its deadline passed) does not cut the work off mid-transaction; it finishes, unanswered.
     */
    private static <T> Uni<T> call(Supplier<Uni<? extends T>> body) {
        return Uni.createFrom().<T> deferred(body).onFailure().transform(GrpcErrors::toStatus).memoize().indefinitely();
    }
}
