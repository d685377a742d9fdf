package io.cognate.userpool.service;

import java.util.Map;

/** SignUp, parsed: ValidationData and ClientMetadata are for the PreSignUp trigger, which no pool has yet. */
public record SignUpRequest(String clientId, String username, String password, String secretHash,
        Map<String, String> attributes) {
}
