package io.cognate.userpool.api.hosted;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.protobuf.ByteString;

import io.cognate.contracts.userpool.v1.OAuthClient;
import io.cognate.contracts.userpool.v1.PageStyle;
import io.cognate.contracts.userpool.v1.PoolPages;
import io.cognate.database.rows.Transactions;
import io.cognate.userpool.model.ClientSettings;
import io.cognate.userpool.model.SchemaAttribute;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.BrandingService;
import io.cognate.userpool.service.ResourceServerService;
import io.cognate.userpool.service.UserPool;
import io.cognate.userpool.service.UserPoolService;
import io.smallrye.mutiny.Uni;

/**
 * An app client as the OAuth endpoints and pages need it: its OAuth settings (scopes of deleted resource servers left
 * out, as Cognito drops them at run time), a hash of its secret, and what the pages show for its pool.
 */
@ApplicationScoped
class HostedClients {
    private final AppClientService clients;
    private final UserPoolService pools;
    private final ResourceServerService servers;
    private final BrandingService branding;
    private final Transactions transactions;

    HostedClients(AppClientService clients, UserPoolService pools, ResourceServerService servers,
            BrandingService branding, Transactions transactions) {
        this.clients = clients;
        this.pools = pools;
        this.servers = servers;
        this.branding = branding;
        this.transactions = transactions;
    }

    Uni<OAuthClient> describe(String clientId) {
        return transactions.session(() -> clients.cachedById(clientId).chain(client -> pools.cached(client.poolId())
                .chain(pool -> servers.scopesOf(pool.id()).chain(custom -> branding.lookOf(pool.id(), client.id())
                        .map(look -> describe(client, pool, custom, HostedStyles.of(look)))))));
    }

    private static OAuthClient describe(AppClient client, UserPool pool, List<String> customScopes,
            PageStyle style) {
        ClientSettings.OAuth oauth = client.settings().oauth();
        OAuthClient.Builder described = OAuthClient.newBuilder().setClientId(client.id())
                .setUserPoolId(client.poolId()).setClientName(client.entity().clientName)
                .setTokenRevocationEnabled(client.tokenRevocationEnabled())
                .setAccessTokenValiditySeconds(client.accessTokenValidity().toSeconds()).setPool(pages(pool))
                .setStyle(style).setCustomizesClientCredentials(
                        "V3_0".equals(pool.settings().policies().lambda().preTokenGenerationVersion()));
        if (client.secret() != null) {
            described.setSecretSha256(ByteString.copyFrom(sha256(client.secret())));
        }
        if (oauth != null) {
            described.setOauthEnabled(Boolean.TRUE.equals(oauth.allowedOAuthFlowsUserPoolClient()))
                    .addAllFlows(orEmpty(oauth.allowedOAuthFlows()))
                    .addAllScopes(orEmpty(oauth.allowedOAuthScopes()).stream()
                            .filter(scope -> !scope.contains("/") || customScopes.contains(scope)).toList())
                    .addAllCallbackUrls(orEmpty(oauth.callbackUrls())).addAllLogoutUrls(orEmpty(oauth.logoutUrls()))
                    .setDefaultRedirectUri(oauth.defaultRedirectUri() == null ? "" : oauth.defaultRedirectUri())
                    .addAllIdentityProviders(orEmpty(oauth.supportedIdentityProviders()));
        }
        return described.build();
    }

    private static PoolPages pages(UserPool pool) {
        return PoolPages.newBuilder().addAllUsernameAttributes(orEmpty(pool.usernameAttributes()))
                .addAllAliasAttributes(orEmpty(pool.aliasAttributes()))
                .setSignUpAllowed(!pool.allowAdminCreateUserOnly())
                .addAllRequiredAttributes(pool.schema().values().stream()
                        .filter(attribute -> attribute.required() && !"sub".equals(attribute.name()))
                        .map(SchemaAttribute::name).toList())
                .build();
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
