package io.cognate.userpool.auth;

import java.util.Map;

/**
 * InitiateAuth or AdminInitiateAuth, parsed ({@code poolId} only for the admin action). ClientMetadata is for the
 * triggers, and AnalyticsMetadata, UserContextData and ContextData for analytics and adaptive authentication, none of
 * which a pool has yet.
 */
public record SignInRequest(boolean admin, String poolId, String clientId, AuthFlow flow,
        Map<String, String> parameters) {
}
