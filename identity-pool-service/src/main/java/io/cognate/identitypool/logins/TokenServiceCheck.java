package io.cognate.identitypool.logins;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.token.v1.IntrospectRequest;
import io.cognate.contracts.token.v1.TokenService;
import io.cognate.database.CallerContext;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * ServerSideTokenCheck: asks token-service (gRPC Introspect) whether a user pool's ID token is still valid — its
 * sign-in not revoked by a global sign-out or a deleted user — beyond what its signature and expiry say.
 */
@ApplicationScoped
public class TokenServiceCheck {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    @GrpcClient("token")
    TokenService tokens;

    /** Completes when the token is active; fails with a {@link LoginRejectedException} otherwise. */
    public Uni<Void> requireActive(String idToken) {
        return CallerContext
                .resumeOnCaller(tokens
                        .introspect(IntrospectRequest.newBuilder().setToken(idToken).setExpectedTokenUse("id").build())
                        .ifNoItem().after(CALL_TIMEOUT).fail()
                        .onFailure().transform(e -> new LoginRejectedException("The user pool could not check the login token.",
                                true)))
                .map(answer -> {
                    if (!answer.getActive()) {
                        throw new LoginRejectedException("Invalid login token. " + answer.getReason(), false);
                    }
                    return null;
                });
    }
}
