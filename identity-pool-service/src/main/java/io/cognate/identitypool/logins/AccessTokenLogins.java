package io.cognate.identitypool.logins;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.identitypool.config.CognateConfig;
import io.smallrye.mutiny.Uni;

/**
 * Logins from the social providers whose tokens are OAuth 2.0 access tokens, not ID tokens, so only the provider can
 * say whose a token is and for which app: Facebook ({@code graph.facebook.com}: the Graph API's {@code /app} names the
 * token's app, {@code /me} its user) and Login with Amazon ({@code www.amazon.com}: {@code /auth/o2/tokeninfo} names
 * both). The app must be one of the pool's SupportedLoginProviders app ids.
 */
@ApplicationScoped
public class AccessTokenLogins {
    public static final String FACEBOOK = "graph.facebook.com";
    public static final String AMAZON = "www.amazon.com";

    private final JwksCache providers;
    private final String facebook;
    private final String amazon;

    public AccessTokenLogins(JwksCache providers, CognateConfig config) {
        this.providers = providers;
        this.facebook = config.facebookUrl();
        this.amazon = config.amazonUrl();
    }

    public Uni<VerifiedLogin> verify(String provider, List<String> appIds, String token) {
        if (FACEBOOK.equals(provider)) {
            return providers.api(facebook + "/app", token, "Graph API").chain(app -> {
                requireApp(appIds, app.get("id"));
                return providers.api(facebook + "/me?fields=id", token, "Graph API");
            }).map(me -> login(provider, me.get("id"), me));
        }
        return providers.api(amazon + "/auth/o2/tokeninfo?access_token=" + URLEncoder.encode(token,
                StandardCharsets.UTF_8), null, "token info").map(info -> {
                    if (!appIds.contains(String.valueOf(info.get("app_id")))) {
                        requireApp(appIds, info.get("aud"));
                    }
                    return login(provider, info.get("user_id"), info);
                });
    }

    private static void requireApp(List<String> appIds, Object app) {
        if (app == null || !appIds.contains(String.valueOf(app))) {
            throw new LoginRejectedException("Invalid login token. The token is not for an app id of this identity "
                    + "pool.", false);
        }
    }

    private static VerifiedLogin login(String provider, Object user, Map<String, Object> claims) {
        if (user == null || String.valueOf(user).isEmpty()) {
            throw new LoginRejectedException("Invalid login token. The provider names no user for it.", false);
        }
        return new VerifiedLogin(provider, String.valueOf(user), claims);
    }
}
