package io.cognate.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * What trigger-gateway reaches for a function mapped to {@code aws}, in place of AWS Lambda (which these machines
 * cannot reach): Lambda's Invoke API on COGNATE_AWS_LAMBDA_PORT that checks each request's AWS Signature V4 as Lambda
 * does — recomputed by the AWS SDK's own signer with the stack's admin credentials, which the test profile gives
 * trigger-gateway — answers 403 as Lambda does when it does not match, and otherwise hands the event to the Java
 * handler's shim and relays its answer. Started once per test run.
 */
public final class AwsLambdaStandIn {
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([a-z0-9-]+)/lambda/aws4_request, SignedHeaders=([^,]+), "
                    + "Signature=[0-9a-f]{64}");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final List<String> VERIFIED = new CopyOnWriteArrayList<>();
    private static boolean started;

    private AwsLambdaStandIn() {
    }

    public static synchronized void start() {
        if (started) {
            return;
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1",
                    Integer.parseInt(Stack.get().value("COGNATE_AWS_LAMBDA_PORT"))), 16);
            server.createContext("/", AwsLambdaStandIn::invoke);
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException("the AWS Lambda stand-in cannot listen", e);
        }
        started = true;
    }

    /** The raw paths of the invocations whose signature matched, oldest first. */
    public static List<String> verified() {
        return List.copyOf(VERIFIED);
    }

    private static void invoke(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        if (!signatureMatches(exchange, body)) {
            answer(exchange, 403, "{\"message\":\"The request signature we calculated does not match the signature "
                    + "you provided.\"}");
            return;
        }
        VERIFIED.add(path);
        try {
            HttpResponse<String> handled = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + Stack.get().value("COGNATE_LAMBDA_JAVA_SHIM_PORT")
                            + "/2015-03-31/functions/function/invocations"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            answer(exchange, handled.statusCode(), handled.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 500, "{}");
        }
    }

    /** Whether the request's signature is the one the SDK's signer makes for it with the admin credentials. */
    private static boolean signatureMatches(HttpExchange exchange, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String amzDate = exchange.getRequestHeaders().getFirst("X-Amz-Date");
        Matcher parts = authorization == null || amzDate == null ? null : AUTHORIZATION.matcher(authorization);
        if (parts == null || !parts.matches() || !parts.group(1).equals(Stack.get().adminAccessKeyId())) {
            return false;
        }
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("http://" + exchange.getRequestHeaders().getFirst("Host")
                        + exchange.getRequestURI().getRawPath()));
        for (String header : parts.group(4).split(";")) {
            if (!header.equals("host") && !header.equals("x-amz-date")) {
                request.putHeader(header, exchange.getRequestHeaders().getFirst(header));
            }
        }
        Clock signedAt = Clock.fixed(Instant.from(AMZ_DATE.parse(amzDate)), ZoneOffset.UTC);
        String expected = AwsV4HttpSigner.create().sign(sign -> sign
                .identity(AwsCredentialsIdentity.create(Stack.get().adminAccessKeyId(),
                        Stack.get().adminSecretAccessKey()))
                .request(request.build()).payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                .putProperty(AwsV4HttpSigner.REGION_NAME, parts.group(3))
                .putProperty(HttpSigner.SIGNING_CLOCK, signedAt))
                .request().firstMatchingHeader("Authorization").orElse("");
        return expected.equals(authorization);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
