package io.cognate.userpool.service;

import java.util.List;
import java.util.Map;

/**
 * AdminCreateUser, parsed. {@code messageAction} is RESEND, SUPPRESS or null (send an invitation);
 * {@code deliveryMediums} EMAIL and/or SMS, null when not given. ValidationData and ClientMetadata go to the
 * PreSignUp trigger.
 */
public record AdminCreateUserRequest(String poolId, String username, Map<String, String> attributes,
        String temporaryPassword, boolean forceAliasCreation, String messageAction, List<String> deliveryMediums,
        Map<String, String> validationData, Map<String, String> clientMetadata) {
}
