package io.cognate.userpool.auth;

import java.util.Map;

/**
 * InitiateAuth or AdminInitiateAuth, parsed ({@code poolId} only for the admin action). ClientMetadata goes to the
 * PreAuthentication trigger, as its validationData.
 */
public record SignInRequest(boolean admin, String poolId, String clientId, AuthFlow flow,
        Map<String, String> parameters, Map<String, String> clientMetadata) {
}
