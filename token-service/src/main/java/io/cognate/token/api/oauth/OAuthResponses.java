package io.cognate.token.api.oauth;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.cognate.database.Outages;
import io.cognate.database.UnstorableText;
import io.cognate.token.oauth.OAuthError;
import io.cognate.token.userpool.UserPoolException;

/** The OAuth endpoints' JSON answers: never cached (RFC 6749 §5.1), errors as RFC 6749 §5.2 objects. */
final class OAuthResponses {
    private static final Logger LOG = Logger.getLogger(OAuthResponses.class);

    private OAuthResponses() {
    }

    static Response json(int status, Map<String, ?> body) {
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }

    /** An OAuth error as its JSON; user-pool-service unreachable as temporarily_unavailable (503). */
    static Response error(Throwable failure) {
        Map<String, String> body = new LinkedHashMap<>();
        if (failure instanceof OAuthError oauth) {
            body.put("error", oauth.error());
            body.put("error_description", oauth.getMessage());
            Response.ResponseBuilder response = Response.fromResponse(json(oauth.status(), body));
            if (oauth.status() == 401) {
                response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"cognito\"");
            }
            return response.build();
        }
        if (failure instanceof UserPoolException refused && refused.kind() == UserPoolException.Kind.REFUSED) {
            body.put("error", "invalid_request");
            body.put("error_description", refused.getMessage());
            return json(400, body);
        }
        if (UnstorableText.isUnstorableText(failure)) {
            body.put("error", "invalid_request");
            body.put("error_description", UnstorableText.message());
            return json(400, body);
        }
        if (Outages.isDatabaseOutage(failure)) {
            LOG.warnf("an OAuth endpoint failed: the database is unreachable (%s)", failure.getClass().getSimpleName());
        } else if (!(failure instanceof UserPoolException)) {
            LOG.errorf(failure, "an OAuth endpoint failed");
        }
        body.put("error", "temporarily_unavailable");
        body.put("error_description", "The service is unavailable; try again in a moment.");
        return json(503, body);
    }
}
