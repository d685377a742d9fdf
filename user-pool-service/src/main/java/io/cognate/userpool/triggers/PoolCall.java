package io.cognate.userpool.triggers;

import java.util.Map;

import io.cognate.userpool.model.LambdaConfig;

/**
 * Who a trigger runs for: the pool and its triggers, the app client of the operation (null for an admin operation
 * without one, which Cognito reports as {@code CLIENT_ID_NOT_APPLICABLE}) and the operation's ClientMetadata.
 */
public record PoolCall(String poolId, LambdaConfig lambda, String clientId, Map<String, String> clientMetadata) {
}
