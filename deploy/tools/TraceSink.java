import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The stack's trace sink: an OpenTelemetry OTLP/HTTP receiver ({@code POST /v1/traces}, binary protobuf, gzip or
 * not) that keeps the last 50,000 spans in memory (about 150 MB of heap with their attributes) and answers {@code GET /api/spans?traceId=HEX} with the spans of
 * one trace as JSON (service, name, kind, ids, attributes). It stands in for an OpenTelemetry Collector, which no
 * registry reachable here serves; in a cluster the services export to a real one (k8s/README.md). Run by
 * deploy/traces.sh as a single-file program:
 *
 * <pre>java TraceSink.java PORT</pre>
 *
 * Only the fields read below are decoded (opentelemetry-proto's trace/v1 and common/v1 messages); the others are
 * skipped by their wire type, as protobuf readers do.
 */
public final class TraceSink {
    private static final int KEEP = 50_000;
    private static final String[] KINDS = { "UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER" };
    private static final Deque<Map<String, Object>> SPANS = new ArrayDeque<>();

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 64);
        server.createContext("/v1/traces", TraceSink::receive);
        server.createContext("/api/spans", TraceSink::query);
        server.createContext("/ready", exchange -> answer(exchange, 200, "text/plain", "ready".getBytes()));
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    private static void receive(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, "text/plain", new byte[0]);
            return;
        }
        InputStream body = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            body = new GZIPInputStream(body);
        }
        try {
            List<Map<String, Object>> received = exportRequest(new Wire(body.readAllBytes()));
            synchronized (SPANS) {
                for (Map<String, Object> span : received) {
                    if (SPANS.size() == KEEP) {
                        SPANS.removeFirst();
                    }
                    SPANS.addLast(span);
                }
            }
            // An empty ExportTraceServiceResponse: everything accepted.
            answer(exchange, 200, "application/x-protobuf", new byte[0]);
        } catch (RuntimeException e) {
            answer(exchange, 400, "text/plain", ("malformed OTLP request: " + e.getMessage()).getBytes());
        }
    }

    private static void query(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String traceId = query != null && query.startsWith("traceId=") ? query.substring(8).toLowerCase() : "";
        StringBuilder json = new StringBuilder("[");
        synchronized (SPANS) {
            for (Map<String, Object> span : SPANS) {
                if (span.get("traceId").equals(traceId)) {
                    json.append(json.length() > 1 ? "," : "").append(toJson(span));
                }
            }
        }
        answer(exchange, 200, "application/json", json.append(']').toString().getBytes(StandardCharsets.UTF_8));
    }

    /** ExportTraceServiceRequest: 1 resource_spans. */
    private static List<Map<String, Object>> exportRequest(Wire request) {
        List<Map<String, Object>> spans = new ArrayList<>();
        while (request.more()) {
            int field = request.tag();
            if (field == 1) {
                resourceSpans(request.message(), spans);
            } else {
                request.skip();
            }
        }
        return spans;
    }

    /** ResourceSpans: 1 resource (Resource: 1 attributes), 2 scope_spans (ScopeSpans: 2 spans). */
    private static void resourceSpans(Wire resourceSpans, List<Map<String, Object>> spans) {
        Map<String, Object> resource = new LinkedHashMap<>();
        List<Wire> scopeSpans = new ArrayList<>();
        while (resourceSpans.more()) {
            int field = resourceSpans.tag();
            if (field == 1) {
                Wire r = resourceSpans.message();
                while (r.more()) {
                    if (r.tag() == 1) {
                        keyValue(r.message(), resource);
                    } else {
                        r.skip();
                    }
                }
            } else if (field == 2) {
                scopeSpans.add(resourceSpans.message());
            } else {
                resourceSpans.skip();
            }
        }
        for (Wire scope : scopeSpans) {
            while (scope.more()) {
                if (scope.tag() == 2) {
                    Map<String, Object> span = span(scope.message());
                    span.put("service", resource.getOrDefault("service.name", ""));
                    spans.add(span);
                } else {
                    scope.skip();
                }
            }
        }
    }

    /** Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind, 7/8 start/end (ns), 9 attributes. */
    private static Map<String, Object> span(Wire span) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> attributes = new LinkedHashMap<>();
        out.put("traceId", "");
        out.put("parentSpanId", "");
        while (span.more()) {
            switch (span.tag()) {
                case 1 -> out.put("traceId", HexFormat.of().formatHex(span.bytes()));
                case 2 -> out.put("spanId", HexFormat.of().formatHex(span.bytes()));
                case 4 -> out.put("parentSpanId", HexFormat.of().formatHex(span.bytes()));
                case 5 -> out.put("name", span.string());
                case 6 -> out.put("kind", KINDS[(int) Math.min(span.varint(), KINDS.length - 1)]);
                case 7 -> out.put("startNanos", span.fixed64());
                case 8 -> out.put("endNanos", span.fixed64());
                case 9 -> keyValue(span.message(), attributes);
                default -> span.skip();
            }
        }
        out.put("attributes", attributes);
        return out;
    }

    /** KeyValue: 1 key, 2 value (AnyValue: 1 string, 2 bool, 3 int, 4 double; others kept as their kind). */
    private static void keyValue(Wire keyValue, Map<String, Object> into) {
        String key = "";
        Object value = null;
        while (keyValue.more()) {
            int field = keyValue.tag();
            if (field == 1) {
                key = keyValue.string();
            } else if (field == 2) {
                Wire any = keyValue.message();
                while (any.more()) {
                    switch (any.tag()) {
                        case 1 -> value = any.string();
                        case 2 -> value = any.varint() != 0;
                        case 3 -> value = any.varint();
                        case 4 -> value = Double.longBitsToDouble(any.fixed64());
                        default -> {
                            any.skip();
                            value = "(array, map or bytes)";
                        }
                    }
                }
            } else {
                keyValue.skip();
            }
        }
        into.put(key, value);
    }

    private static String toJson(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder json = new StringBuilder("{");
            map.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append(toJson(k)).append(':')
                    .append(toJson(v)));
            return json.append('}').toString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toString().toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A protobuf message being read: tags, varints, fixed64 and length-delimited fields. */
    private static final class Wire {
        private final byte[] bytes;
        private int position;
        private int wireType;

        Wire(byte[] bytes) {
            this.bytes = bytes;
        }

        boolean more() {
            return position < bytes.length;
        }

        int tag() {
            long tag = varint();
            wireType = (int) (tag & 7);
            return (int) (tag >>> 3);
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = next();
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }

        long fixed64() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value |= (long) next() << (8 * i);
            }
            return value;
        }

        byte[] bytes() {
            int length = (int) varint();
            if (length < 0 || length > bytes.length - position) {
                throw new IllegalArgumentException("length beyond the message");
            }
            position += length;
            return Arrays.copyOfRange(bytes, position - length, position);
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        Wire message() {
            return new Wire(bytes());
        }

        void skip() {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> skip(8);
                case 2 -> bytes();
                case 5 -> skip(4);
                default -> throw new IllegalArgumentException("wire type " + wireType);
            }
        }

        private void skip(int count) {
            if (count > bytes.length - position) {
                throw new IllegalArgumentException("truncated field");
            }
            position += count;
        }

        private int next() {
            if (position >= bytes.length) {
                throw new IllegalArgumentException("truncated field");
            }
            return bytes[position++] & 0xff;
        }
    }
}
