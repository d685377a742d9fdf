package io.cognate.token.api.oauth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.ws.rs.core.MultivaluedMap;

import io.cognate.contracts.userpool.v1.OAuthClient;
import io.cognate.token.oauth.OAuthClients;
import io.cognate.token.oauth.OAuthError;
import io.smallrye.mutiny.Uni;

/**
 * How a client authenticates at the token and revocation endpoints: client_secret_basic (HTTP Basic, RFC 6749
 * §2.3.1, id and secret form-urlencoded), client_secret_post (client_id and client_secret in the form), or, for a
 * public client, its client_id alone. Any mismatch is invalid_client.
 */
final class ClientAuthentication {
    private ClientAuthentication() {
    }

    /** The id and secret a request presents; {@code basic} when they came in the Authorization header. */
    record Presented(String clientId, String secret, boolean basic) {
    }

    static Presented presented(String authorization, MultivaluedMap<String, String> form) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return new Presented(urlDecode(decoded.substring(0, colon)),
                            urlDecode(decoded.substring(colon + 1)), true);
                }
            } catch (IllegalArgumentException e) {
                // malformed: treated as no credentials, so invalid_client below
            }
            return new Presented("", "", true);
        }
        return new Presented(Forms.value(form, "client_id"), Forms.value(form, "client_secret"), false);
    }

    /** The authenticated client, or invalid_client with {@code status} (400 at the token endpoint, 401 at revoke). */
    static Uni<OAuthClient> authenticate(OAuthClients clients, Presented presented, int status) {
        if (presented.clientId().isEmpty()) {
            return Uni.createFrom().failure(new OAuthError("invalid_client", "The client is not identified.", status));
        }
        return clients.find(presented.clientId()).map(found -> {
            if (found.isEmpty() || !OAuthClients.secretMatches(found.get(), presented.secret())) {
                throw new OAuthError("invalid_client", "Client authentication failed.", status);
            }
            return found.get();
        });
    }

    private static String urlDecode(String text) {
        return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
