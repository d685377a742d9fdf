package io.cognate.token.api.oauth;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A malformed form, at any endpoint or page: 400, RFC 6749 §5.2's invalid_request. */
public class MalformedForms {

    @ServerExceptionMapper
    public Response malformed(Forms.MalformedForm failure) {
        return OAuthResponses.json(400, Map.of("error", "invalid_request", "error_description", failure.getMessage()));
    }
}
