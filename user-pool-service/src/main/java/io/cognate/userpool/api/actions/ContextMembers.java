package io.cognate.userpool.api.actions;

import io.cognate.userpool.api.Params;

/**
 * Members that carry context for features no pool of this deployment has yet: Lambda triggers (ClientMetadata,
 * ValidationData), Pinpoint analytics (AnalyticsMetadata) and adaptive authentication (UserContextData,
 * ContextData). They are read and checked against Cognito's model, and have no effect, as in Cognito for a pool
 * without those features; the trigger issue threads ClientMetadata and ValidationData through.
 */
final class ContextMembers {
    private ContextMembers() {
    }

    /** ClientMetadata, AnalyticsMetadata and UserContextData, as the public actions carry them. */
    static void read(Params p) {
        p.stringMap("ClientMetadata");
        Params analytics = p.nested("AnalyticsMetadata");
        if (analytics != null) {
            analytics.optional("AnalyticsEndpointId", 0, 256);
        }
        Params user = p.nested("UserContextData");
        if (user != null) {
            user.optional("IpAddress", 0, 256);
            user.optional("EncodedData", 0, 131072);
        }
    }

    /** As {@link #read}, with the admin actions' ContextData instead of UserContextData. */
    static void readAdmin(Params p) {
        p.stringMap("ClientMetadata");
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
    }

    /** ValidationData: name/value pairs for the PreSignUp trigger. */
    static void readValidationData(Params p) {
        p.attributes("ValidationData");
    }
}
