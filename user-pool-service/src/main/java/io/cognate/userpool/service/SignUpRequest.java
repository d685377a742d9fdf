package io.cognate.userpool.service;

import java.util.Map;

/** SignUp, parsed: ValidationData and ClientMetadata go to the PreSignUp trigger. */
public record SignUpRequest(String clientId, String username, String password, String secretHash,
        Map<String, String> attributes, Map<String, String> validationData, Map<String, String> clientMetadata) {
}
