package io.cognate.userpool.triggers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Vertx;

/**
 * The caller's AWS SDK as Cognito names it in {@code callerContext.awsSdkVersion}: from the User-Agent's
 * {@code aws-sdk-<language>/<version>} product ({@code aws-sdk-js/2.1639.0} is {@code aws-sdk-js-2.1639.0}, the SDK for
 * Java v2's {@code aws-sdk-java/2.x} is {@code aws-sdk-java-2.x}), else {@code aws-sdk-unknown-unknown}. The edge
 * remembers it on the request's own (duplicated) Vert.x context, where the request's flow and its triggers run.
 */
public final class CallerSdk {
    static final String UNKNOWN = "aws-sdk-unknown-unknown";
    private static final Pattern SDK = Pattern.compile("(?:^|\\s)aws-sdk-([A-Za-z0-9]{1,20})/([\\w.+-]{1,40})");
    private static final String KEY = CallerSdk.class.getName();

    private CallerSdk() {
    }

    /** Remembers the SDK of the request being served, from its User-Agent (which may be null). */
    public static void remember(String userAgent) {
        if (userAgent != null && VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(KEY, of(userAgent));
        }
    }

    /** The SDK of the request being served; unknown outside one (gRPC from token-service, housekeeping). */
    static String current() {
        return Vertx.currentContext() != null && VertxContext.isOnDuplicatedContext()
                ? ContextLocals.get(KEY, UNKNOWN)
                : UNKNOWN;
    }

    static String of(String userAgent) {
        Matcher sdk = SDK.matcher(userAgent);
        return sdk.find() ? "aws-sdk-" + sdk.group(1) + "-" + sdk.group(2) : UNKNOWN;
    }
}
