package io.cognate.userpool.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.token.v1.RefreshRequest;
import io.cognate.database.rows.Transactions;
import io.cognate.userpool.error.CognitoError;
import io.cognate.userpool.error.Refusal;
import io.cognate.userpool.grpc.TokenServiceClient;
import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.UserAttributes;
import io.cognate.userpool.service.UserPool;
import io.smallrye.mutiny.Uni;

/** Refreshes: new ID and access tokens for a live refresh token, with the user's current attributes. */
@ApplicationScoped
public class RefreshFlow {
    private final TokenServiceClient tokenService;
    private final UserRepository users;
    private final TokenIssuer tokens;

    private final Outbox outbox;
    private final Transactions transactions;

    public RefreshFlow(TokenServiceClient tokenService, UserRepository users, TokenIssuer tokens, Outbox outbox,
            Transactions transactions) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.tokenService = tokenService;
        this.users = users;
        this.tokens = tokens;
    }

    /** REFRESH_TOKEN_AUTH; refused for a client that rotates refresh tokens. Call inside a session. */
    public Uni<SignInOutcome> refresh(UserPool pool, AppClient client, Map<String, String> parameters) {
        String refreshToken = AuthParameters.required(parameters, "REFRESH_TOKEN");
        if (client.settings().rotatesRefreshTokens()) {
            throw CognitoError.INVALID_PARAMETER.withMessage("REFRESH_TOKEN_AUTH flow not enabled for this client: it "
                    + "rotates refresh tokens (RefreshTokenRotation); use GetTokensFromRefreshToken.");
        }
        return refresh(pool, client, refreshToken, user -> {
            // The secret hash of a refresh is computed over the name the user signed in with: any of its names.
            List<String> names = new ArrayList<>(List.of(user.username, user.sub.toString()));
            Map<String, String> attributes = UserAttributes.of(user);
            for (String alias : List.of("email", "phone_number", "preferred_username")) {
                if (attributes.containsKey(alias)) {
                    names.add(attributes.get(alias));
                }
            }
            if (!AppClientService.secretHashMatches(client, parameters.get("SECRET_HASH"), names)) {
                throw CognitoError.NOT_AUTHORIZED.withMessage("Unable to verify secret hash for client %s",
                        client.id());
            }
        }).map(SignInOutcome.class::cast);
    }

    /**
     * GetTokensFromRefreshToken and the token endpoint's refresh_token grant, for a client already authenticated (by
     * its secret, where it has one): new tokens, and a new refresh token where the client rotates them. Call inside a
     * session.
     */
    public Uni<SignInOutcome.Tokens> refresh(UserPool pool, AppClient client, String refreshToken) {
        return refresh(pool, client, refreshToken, user -> {
        });
    }

    private Uni<SignInOutcome.Tokens> refresh(UserPool pool, AppClient client, String refreshToken,
            Consumer<UserEntity> clientCheck) {
        RefreshRequest request = RefreshRequest.newBuilder().setUserPoolId(pool.id()).setClientId(client.id())
                .setRefreshToken(refreshToken).build();
        return tokenService.refresh(request).chain(family -> {
            if (family.getReused()) {
                throw CognitoError.REFRESH_TOKEN_REUSE.withMessage("Refresh token has been used already.");
            }
            if (!family.getValid()) {
                throw family.getReason().isEmpty() ? Refusal.INVALID_REFRESH_TOKEN.exception()
                        : Refusal.INVALID_REFRESH_TOKEN.exception(family.getReason());
            }
            return users.findBySub(pool.id(), UUID.fromString(family.getSub())).chain(user -> {
                if (user == null) {
                    throw Refusal.INVALID_REFRESH_TOKEN.exception();
                }
                clientCheck.accept(user);
                if (!user.enabled) {
                    throw Refusal.USER_DISABLED.exception();
                }
                return tokens.refresh(pool, client, user, family.getAuthTime(), family.getOriginJti(),
                        family.getScopesList(), family.getOauth())
                        .call(() -> transactions.transaction(() -> outbox.record(UserEventType.TokenRefreshed, user,
                                Map.of("clientId", client.id()))));
            });
        });
    }
}
