package io.cognate.token.config;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Keeps the values of a request's query out of its trace: the hosted pages and OAuth endpoints take confirmation
 * codes, authorization codes, login hints (e-mail addresses) and states in their query strings, and the HTTP server
 * span records the query as {@code url.query}. Its parameter names stay; every value becomes {@code REDACTED}.
 */
@ApplicationScoped
public class QueryRedaction implements SpanProcessor {
    private static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    private static final Pattern VALUE = Pattern.compile("=[^&]*");

    @Override
    public void onStart(Context parent, ReadWriteSpan span) {
        String query = span.getAttribute(URL_QUERY);
        if (query != null && !query.isEmpty()) {
            span.setAttribute(URL_QUERY, VALUE.matcher(query).replaceAll("=REDACTED"));
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
