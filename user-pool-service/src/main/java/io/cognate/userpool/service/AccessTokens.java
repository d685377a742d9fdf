package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.NOT_AUTHORIZED;
import static io.cognate.userpool.error.CognitoError.USER_NOT_FOUND;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.jose.Jws;
import io.cognate.contracts.token.v1.IntrospectRequest;
import io.cognate.userpool.grpc.PoolPublicKeys;
import io.cognate.userpool.grpc.TokenServiceClient;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.cognate.userpool.repository.UserRepository.TokenHolder;
import io.smallrye.mutiny.Uni;

/**
 * Authorizes the actions a user calls with an access token (GetUser, ChangePassword, ...). The token is verified
 * here, as a resource server verifies it: RS256 signature by a key of the pool its {@code iss} names, token_use,
 * expiry and scope. Sign-out is checked against this service's own record of it, read with the user in one query:
 * the family RevokeToken ended, and the time of the last global sign-out. A token issued within
 * {@link #CLOCK_SLACK_MILLIS} of that time (iat has whole seconds, and the two services' clocks may differ) is
 * settled by token-service, which knows whether its family was revoked.
 */
@ApplicationScoped
public class AccessTokens {
    /** Who called: the user, its pool's id, the client the token was issued to, and the token's scopes. */
    public record Caller(String poolId, UserEntity user, String clientId, List<String> scopes) {
    }

    private static final long CLOCK_SLACK_MILLIS = 2_000;
    /** The scope of tokens that may call the user's own actions (GetUser, ...); sign-in tokens carry it. */
    public static final String USER_ADMIN_SCOPE = "aws.cognito.signin.user.admin";
    private static final String INVALID = "Invalid Access Token";
    private static final String EXPIRED = "Access Token has expired";
    private static final String REVOKED = "Access Token has been revoked";

    private final PoolPublicKeys publicKeys;
    private final TokenServiceClient tokens;
    private final UserRepository users;

    public AccessTokens(PoolPublicKeys publicKeys, TokenServiceClient tokens, UserRepository users) {
        this.publicKeys = publicKeys;
        this.tokens = tokens;
        this.users = users;
    }

    /** The caller of a user's own action (its token has aws.cognito.signin.user.admin); call inside a session. */
    public Uni<Caller> authenticate(String accessToken) {
        return authenticate(accessToken, USER_ADMIN_SCOPE);
    }

    /** The caller, whose token must have {@code requiredScope}; call inside a session. */
    public Uni<Caller> authenticate(String accessToken, String requiredScope) {
        Optional<Jws.Parsed> parsed = Jws.parse(accessToken);
        Optional<Map<String, Object>> claims = parsed.flatMap(Jws.Parsed::claimsMap);
        String iss = claims.map(c -> c.get("iss") instanceof String s ? s : "").orElse("");
        String poolId = iss.substring(iss.lastIndexOf('/') + 1);
        if (!UserPool.ID.matcher(poolId).matches()) {
            return Uni.createFrom().failure(NOT_AUTHORIZED.withMessage(INVALID));
        }
        return publicKeys.find(poolId, parsed.get().kid()).chain(key -> {
            if (key.isEmpty() || !key.get().issuer().equals(iss) || !parsed.get().verifiedBy(key.get().key())) {
                throw NOT_AUTHORIZED.withMessage(INVALID);
            }
            AccessClaims access = AccessClaims.of(claims.get(), requiredScope);
            return users.findTokenHolder(poolId, access.sub(), access.originJti())
                    .chain(holder -> caller(poolId, accessToken, access, holder));
        });
    }

    private Uni<Caller> caller(String poolId, String accessToken, AccessClaims access, TokenHolder holder) {
        if (holder != null && holder.familyRevoked()) {
            throw NOT_AUTHORIZED.withMessage(REVOKED);
        }
        if (holder == null) {
            throw USER_NOT_FOUND.withMessage("User does not exist.");
        }
        UserEntity user = holder.user();
        Caller caller = new Caller(poolId, user, access.clientId(), access.scopes());
        Instant signedOut = user.tokensRevokedAt;
        if (signedOut != null) {
            long issuedMillis = access.issuedAt() * 1000;
            if (issuedMillis + 1000 + CLOCK_SLACK_MILLIS <= signedOut.toEpochMilli()) {
                throw NOT_AUTHORIZED.withMessage(REVOKED);
            }
            if (issuedMillis - CLOCK_SLACK_MILLIS <= signedOut.toEpochMilli()) {
                return askTokenService(accessToken).map(ignored -> enabled(caller));
            }
        }
        return Uni.createFrom().item(enabled(caller));
    }

    /** Issued about when the user signed out: token-service knows whether the token's family was revoked. */
    private Uni<Void> askTokenService(String accessToken) {
        IntrospectRequest request = IntrospectRequest.newBuilder().setToken(accessToken).setExpectedTokenUse("access")
                .build();
        return tokens.introspect(request).map(introspection -> {
            if (!introspection.getActive()) {
                throw NOT_AUTHORIZED.withMessage(introspection.getReason().isEmpty() ? INVALID : introspection.getReason());
            }
            return null;
        });
    }

    private static Caller enabled(Caller caller) {
        if (!caller.user().enabled) {
            throw NOT_AUTHORIZED.withMessage("User is disabled.");
        }
        return caller;
    }

    /** The claims of a verified access token that authorization needs. */
    private record AccessClaims(UUID sub, UUID originJti, String clientId, long issuedAt, List<String> scopes) {

        /**
         * The claims, checked: an access token, unexpired, with the required scope (a client_credentials token, which
         * has no user, fails there), of a user's sign-in.
         *
         * @throws io.cognate.userpool.error.CognitoException NotAuthorizedException when the token may not be used
         */
        static AccessClaims of(Map<String, Object> claims, String requiredScope) {
            if (!"access".equals(claims.get("token_use")) || !(claims.get("exp") instanceof Number exp)
                    || !(claims.get("iat") instanceof Number iat)) {
                throw NOT_AUTHORIZED.withMessage(INVALID);
            }
            if (Instant.now().getEpochSecond() >= exp.longValue()) {
                throw NOT_AUTHORIZED.withMessage(EXPIRED);
            }
            List<String> scopes = claims.get("scope") instanceof String s ? List.of(s.split(" ")) : List.of();
            if (!scopes.contains(requiredScope)) {
                throw NOT_AUTHORIZED.withMessage("Access Token does not have required scopes");
            }
            Optional<UUID> sub = uuid(claims.get("sub"));
            Optional<UUID> originJti = uuid(claims.get("origin_jti"));
            if (sub.isEmpty() || originJti.isEmpty()) {
                throw NOT_AUTHORIZED.withMessage(INVALID);
            }
            return new AccessClaims(sub.get(), originJti.get(),
                    claims.get("client_id") instanceof String clientId ? clientId : "", iat.longValue(), scopes);
        }

        private static Optional<UUID> uuid(Object value) {
            try {
                return value instanceof String text ? Optional.of(UUID.fromString(text)) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
