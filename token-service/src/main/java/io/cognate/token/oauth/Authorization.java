package io.cognate.token.oauth;

import java.util.Map;

/**
 * What an authorization request comes to: valid, an error for the client at its redirect URI (RFC 6749 §4.1.2.1),
 * or an error shown on the domain's error page, when the request cannot be trusted to name where to send one (an
 * unknown client, an unregistered redirect URI).
 */
public sealed interface Authorization {

    record Valid(AuthorizationRequest request) implements Authorization {
    }

    /** Sent to the redirect URI: in the query for the code flow, in the fragment for the implicit one. */
    record RedirectError(String redirectUri, boolean fragment, String error, String description, String state)
            implements
                Authorization {
    }

    /** Shown on the error page (HTTP 400); {@code error} is Cognito's (redirect_mismatch, ...). */
    record ErrorPage(String error, String description) implements Authorization {
        private static final Map<String, String> DESCRIPTIONS = Map.of(
                "invalid_request", "Required parameters missing",
                "invalid_client", "The client does not exist in this user pool.",
                "redirect_mismatch", "The redirect_uri is not one of the client's callback URLs (an exact match is "
                        + "required).",
                "unauthorized_client", "Client is not enabled for OAuth2.0 flows.");

        /** The error page of an error code, described; an unknown code as invalid_request. */
        public static ErrorPage of(String error) {
            String known = DESCRIPTIONS.containsKey(error) ? error : "invalid_request";
            return new ErrorPage(known, DESCRIPTIONS.get(known));
        }
    }
}
