package io.cognate.token.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.cognate.contracts.userpool.v1.OAuthClient;
import io.cognate.contracts.userpool.v1.RevokeTokenRequest;
import io.cognate.crypto.Aead;
import io.cognate.crypto.Purpose;
import io.cognate.token.config.CognateConfig;
import io.cognate.token.repository.AuthorizationCodeStore;
import io.cognate.token.userpool.UserPoolClient;
import io.smallrye.mutiny.Uni;

/**
 * The code flow's codes: a code stands for the tokens issued at sign-in, for one client and redirect URI, redeemable
 * once within five minutes, with the PKCE verifier of its S256 challenge when it had one. A code redeemed a second
 * time revokes the tokens it was redeemed for (RFC 6749 §4.1.2) and is refused.
 */
@ApplicationScoped
public class AuthorizationCodes {
    private static final Logger LOG = Logger.getLogger(AuthorizationCodes.class);

    private final AuthorizationCodeStore store;
    private final Aead aead;
    private final Clock clock;
    private final Duration ttl;
    private final UserPoolClient userPools;

    public AuthorizationCodes(AuthorizationCodeStore store, Aead aead, Clock clock, CognateConfig config,
            UserPoolClient userPools) {
        this.store = store;
        this.aead = aead;
        this.clock = clock;
        this.ttl = config.hostedUi().codeTtl();
        this.userPools = userPools;
    }

    /** A new code for the request's client and redirect URI, standing for {@code tokens}. */
    public Uni<String> issue(AuthorizationRequest request, GrantedTokens tokens) {
        String code = UUID.randomUUID().toString();
        OAuthClient client = request.client();
        return store.store(hash(code), new AuthorizationCodeStore.StoredCode(client.getUserPoolId(),
                client.getClientId(), request.redirectUri(),
                request.codeChallenge().isEmpty() ? null : request.codeChallenge(),
                aead.seal(Purpose.AUTHORIZATION_CODE, client.getClientId(), tokens.encode()),
                clock.instant().plus(ttl))).replaceWith(code);
    }

    /** The tokens of a code, for the client it was issued to; an {@link OAuthError} (invalid_grant) otherwise. */
    public Uni<GrantedTokens> redeem(OAuthClient client, String code, String redirectUri, String verifier) {
        if (code.isEmpty()) {
            return Uni.createFrom().failure(new OAuthError("invalid_request", "code is required"));
        }
        return store.redeem(hash(code), clock.instant()).chain(redemption -> {
            if (redemption == null) {
                throw new OAuthError("invalid_grant", "The code is not valid.");
            }
            AuthorizationCodeStore.StoredCode stored = redemption.code();
            if (!stored.clientId().equals(client.getClientId())) {
                throw new OAuthError("invalid_grant", "The code was issued to another client.");
            }
            GrantedTokens tokens = GrantedTokens.decode(aead.open(Purpose.AUTHORIZATION_CODE, stored.clientId(),
                    stored.tokensSealed()));
            if (!redemption.first()) {
                return revoke(client, tokens).replaceWith(Uni.createFrom().failure(
                        new OAuthError("invalid_grant", "The code was redeemed already; what it issued is revoked.")));
            }
            if (!stored.expiresAt().isAfter(clock.instant())) {
                throw new OAuthError("invalid_grant", "The code has expired.");
            }
            if (!stored.redirectUri().equals(redirectUri)) {
                throw new OAuthError("invalid_grant", "redirect_uri does not match the authorization request's.");
            }
            if (stored.codeChallenge() != null && !stored.codeChallenge().equals(s256(verifier))) {
                throw new OAuthError("invalid_grant", verifier.isEmpty() ? "code_verifier is required"
                        : "code_verifier does not match the code_challenge.");
            }
            return Uni.createFrom().item(tokens);
        });
    }

    /** A replayed code: its refresh token's family is revoked, and with it every token issued from it. */
    private Uni<Void> revoke(OAuthClient client, GrantedTokens tokens) {
        if (tokens.refreshToken().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return userPools.call(ui -> ui.revokeToken(RevokeTokenRequest.newBuilder().setClientId(client.getClientId())
                .setRefreshToken(tokens.refreshToken()).build())).replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("revoking a replayed code's tokens failed: %s",
                        failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** RFC 7636 §4.6: BASE64URL(SHA256(ASCII(code_verifier))). */
    static String s256(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
    }

    private static byte[] hash(String code) {
        return sha256(code);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
