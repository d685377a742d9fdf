package io.cognate.token.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

/** What QueryRedaction leaves of a request's query in its span, as the OpenTelemetry SDK records it. */
class QueryRedactionTest {
    private static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");

    private final Tracer tracer = SdkTracerProvider.builder().addSpanProcessor(new QueryRedaction()).build()
            .get("test");

    @Test
    void queryWithCodesAndHintsThenOnlyTheParameterNamesAreKept() {
        Attributes recorded = recorded(tracer.spanBuilder("GET /oauth2/authorize").setAttribute(URL_QUERY,
                "response_type=code&client_id=abc&state=s%3D1&login_hint=someone%40example.com&code="
                        + "&scope=openid+email"));

        assertEquals("response_type=REDACTED&client_id=REDACTED&state=REDACTED&login_hint=REDACTED&code=REDACTED"
                + "&scope=REDACTED", recorded.get(URL_QUERY));
    }

    @Test
    void spanWithoutQueryThenLeftAlone() {
        Attributes recorded = recorded(tracer.spanBuilder("POST /").setAttribute("http.request.method", "POST"));

        assertNull(recorded.get(URL_QUERY));
        assertEquals("POST", recorded.get(AttributeKey.stringKey("http.request.method")));
    }

    private static Attributes recorded(SpanBuilder builder) {
        Span span = builder.startSpan();
        span.end();
        return ((ReadableSpan) span).toSpanData().getAttributes();
    }
}
