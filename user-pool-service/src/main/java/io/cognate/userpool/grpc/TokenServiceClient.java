package io.cognate.userpool.grpc;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.cognate.contracts.token.v1.DeletePoolRequest;
import io.cognate.contracts.token.v1.EnsureSigningKeyRequest;
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
import io.cognate.database.CallerContext;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * token-service over gRPC. Answers come back on the caller's Vert.x context, so a flow can go on with its database
 * session after a call; a failed call is a {@link TokenServiceException}.
 */
@ApplicationScoped
public class TokenServiceClient {
    private static final Logger LOG = Logger.getLogger(TokenServiceClient.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    @GrpcClient("token")
    TokenService tokens;

    public Uni<MintResponse> mint(MintRequest request) {
        return call(tokens.mint(request));
    }

    public Uni<RefreshResponse> refresh(RefreshRequest request) {
        return call(tokens.refresh(request));
    }

    public Uni<RevokeResponse> revoke(RevokeRequest request) {
        return call(tokens.revoke(request));
    }

    public Uni<IntrospectResponse> introspect(IntrospectRequest request) {
        return call(tokens.introspect(request));
    }

    public Uni<PublicKeysResponse> publicKeys(String userPoolId) {
        return call(tokens.publicKeys(PublicKeysRequest.newBuilder().setUserPoolId(userPoolId).build()));
    }

    public Uni<Void> ensureSigningKey(String userPoolId) {
        return call(tokens.ensureSigningKey(EnsureSigningKeyRequest.newBuilder().setUserPoolId(userPoolId).build()))
                .replaceWithVoid();
    }

    /** Has token-service forget a pool being deleted: its signing keys and refresh-token families. */
    public Uni<Void> deletePool(String userPoolId) {
        return call(tokens.deletePool(DeletePoolRequest.newBuilder().setUserPoolId(userPoolId).build()))
                .replaceWithVoid();
    }

    private static <T> Uni<T> call(Uni<T> uni) {
        // A per-call timeout: Quarkus fixes a configured client deadline once, at client creation.
        return CallerContext.resumeOnCaller(uni.ifNoItem().after(CALL_TIMEOUT)
                .failWith(() -> Status.DEADLINE_EXCEEDED.asRuntimeException())
                .onFailure().transform(TokenServiceClient::failure));
    }

    /** token-service refuses with a status and a description meant for the caller; anything else is ours. */
    private static Throwable failure(Throwable failure) {
        Status status = Status.fromThrowable(failure);
        String description = status.getDescription() == null ? "" : status.getDescription();
        return switch (status.getCode()) {
            case FAILED_PRECONDITION -> new TokenServiceException(TokenServiceException.Kind.REFUSED, description);
            case INVALID_ARGUMENT -> new TokenServiceException(TokenServiceException.Kind.INVALID_ARGUMENT, description);
            default -> {
                LOG.warnf("token-service call failed: %s", status.getCode());
                yield new TokenServiceException(TokenServiceException.Kind.UNAVAILABLE, status.getCode().name());
            }
        };
    }
}
