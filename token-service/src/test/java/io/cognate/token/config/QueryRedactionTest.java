package io.cognate.token.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/** What QueryRedaction leaves of a request's query in its span, as the OpenTelemetry SDK exports it. */
class QueryRedactionTest {
    private static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");

    private final List<SpanData> exported = new ArrayList<>();
    private final Tracer tracer = SdkTracerProvider.builder().addSpanProcessor(new QueryRedaction())
            .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    exported.addAll(spans);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            })).build().get("test");

    @Test
    void queryWithCodesAndHintsThenOnlyTheParameterNamesAreKept() {
        tracer.spanBuilder("GET /oauth2/authorize").setAttribute(URL_QUERY, "response_type=code&client_id=abc"
                + "&state=s%3D1&login_hint=someone%40example.com&code=&scope=openid+email").startSpan().end();

        assertEquals("response_type=REDACTED&client_id=REDACTED&state=REDACTED&login_hint=REDACTED&code=REDACTED"
                + "&scope=REDACTED", exported.get(0).getAttributes().get(URL_QUERY));
    }

    @Test
    void spanWithoutQueryThenLeftAlone() {
        tracer.spanBuilder("POST /").setAttribute("http.request.method", "POST").startSpan().end();

        assertNull(exported.get(0).getAttributes().get(URL_QUERY));
        assertEquals("POST", exported.get(0).getAttributes().get(AttributeKey.stringKey("http.request.method")));
    }
}
