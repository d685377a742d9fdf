package io.cognate.token.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.userpool.v1.FindClientRequest;
import io.cognate.contracts.userpool.v1.OAuthClient;
import io.cognate.token.config.CognateConfig;
import io.cognate.token.userpool.UserPoolClient;
import io.cognate.token.userpool.UserPoolException;
import io.smallrye.mutiny.Uni;

/** App clients as the OAuth endpoints see them, from user-pool-service through a short-lived cache. */
@ApplicationScoped
public class OAuthClients {
    /** Cognito's ClientId: [\w+]+, 1 to 128 characters; nothing else is looked up (nor cached). */
    private static final Pattern CLIENT_ID = Pattern.compile("[\\w+]+");
    private final ConfigCache<OAuthClient> cache;
    private final UserPoolClient userPools;

    public OAuthClients(CognateConfig config, UserPoolClient userPools) {
        this.cache = new ConfigCache<>(config.hostedUi().configCacheTtl());
        this.userPools = userPools;
    }

    /** The client, or empty when no pool has it. */
    public Uni<Optional<OAuthClient>> find(String clientId) {
        if (clientId == null || clientId.length() > 128 || !CLIENT_ID.matcher(clientId).matches()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return cache.get(clientId, () -> userPools.call(ui -> ui.findClient(FindClientRequest.newBuilder()
                .setClientId(clientId).build())).map(Optional::of)
                .onFailure(UserPoolException::notFound).recoverWithItem(Optional.empty()));
    }

    /** Whether {@code secret} is the client's, in constant time; a public client has none to present. */
    public static boolean secretMatches(OAuthClient client, String secret) {
        if (client.getSecretSha256().isEmpty()) {
            return secret == null || secret.isEmpty();
        }
        return secret != null && MessageDigest.isEqual(sha256(secret), client.getSecretSha256().toByteArray());
    }

    public static boolean hasSecret(OAuthClient client) {
        return !client.getSecretSha256().isEmpty();
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
