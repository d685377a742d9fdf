package io.cognate.identitypool.policy;

import java.util.List;
import java.util.Map;

/**
 * What a policy is evaluated against: the action, the resource, the principal asking (for trust policies: its type,
 * {@code AWS}, {@code Federated} or {@code Service}, and the ids it goes by) and the condition keys with their values (a
 * multivalued key such as {@code cognito-identity.amazonaws.com:amr} has several).
 */
public record RequestContext(String action, String resource, String principalType, List<String> principalIds,
        Map<String, List<String>> keys) {

    /** The values of a condition key, matched case-insensitively as IAM matches key names; null when absent. */
    List<String> values(String key) {
        List<String> exact = keys.get(key);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, List<String>> entry : keys.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(key)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
