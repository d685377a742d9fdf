package io.cognate.userpool.api.actions;

import java.util.Map;

import io.cognate.userpool.api.Params;

/**
 * Members that carry context: for the Lambda triggers (ClientMetadata, ValidationData), returned to go into their
 * events; for Pinpoint analytics (AnalyticsMetadata) and adaptive authentication (UserContextData, ContextData),
 * which no pool of this deployment has yet, read and checked against Cognito's model with no effect, as in Cognito
 * for a pool without those features.
 */
final class ContextMembers {
    private ContextMembers() {
    }

    /** ClientMetadata (returned), AnalyticsMetadata and UserContextData, as the public actions carry them. */
    static Map<String, String> read(Params p) {
        Map<String, String> clientMetadata = p.stringMap("ClientMetadata");
        Params analytics = p.nested("AnalyticsMetadata");
        if (analytics != null) {
            analytics.optional("AnalyticsEndpointId", 0, 256);
        }
        Params user = p.nested("UserContextData");
        if (user != null) {
            user.optional("IpAddress", 0, 256);
            user.optional("EncodedData", 0, 131072);
        }
        return clientMetadata;
    }

    /** As {@link #read}, with the admin actions' ContextData instead of UserContextData. */
    static Map<String, String> readAdmin(Params p) {
        Map<String, String> clientMetadata = p.stringMap("ClientMetadata");
        Params analytics = p.nested("AnalyticsMetadata");
        if (analytics != null) {
            analytics.optional("AnalyticsEndpointId", 0, 256);
        }
        Params context = p.nested("ContextData");
        if (context != null) {
            context.required("IpAddress", 0, 256);
            context.required("ServerName", 0, 256);
            context.required("ServerPath", 0, 256);
            context.objectList("HttpHeaders", Integer.MAX_VALUE, header -> {
                header.optional("headerName", 0, 8192);
                return header.optional("headerValue", 0, 8192);
            });
            context.optional("EncodedData", 0, 131072);
        }
        return clientMetadata;
    }

    /** ValidationData: name/value pairs for the PreSignUp trigger. */
    static Map<String, String> readValidationData(Params p) {
        return p.attributes("ValidationData");
    }
}
