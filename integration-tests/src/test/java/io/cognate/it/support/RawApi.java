package io.cognate.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON 1.1 API spoken by hand, to send what no SDK would: broken JSON, unknown targets, wrong types. */
public final class RawApi {

    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    public static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

    // HTTP/1.1 as the SDKs speak it: no h2c upgrade dance on a plain-text connection.
    private static final HttpClient HTTP = client();
    private static final ObjectMapper JSON = new ObjectMapper();

    private RawApi() {
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** POST / with {@code X-Amz-Target: AWSCognitoIdentityProviderService.<action>} (none if action is null). */
    public static HttpResponse<String> post(String action, String body) {
        return post(action, body, false);
    }

    /**
     * As {@link #post(String, String)}, with {@code Expect: 100-continue} when {@code expectContinue}: the server
     * may then refuse an oversized body by its Content-Length before any of it is sent, as clients of large bodies
     * do; without it, a server that answers 413 and closes mid-upload races the client's write. Such a request gets a
     * connection of its own: JDK 17's client keeps the connection after a final answer to Expect: 100-continue and
     * would send the next request on it, where the server or a proxy takes it for the body that never came
     * (JDK-8286171).
     */
    public static HttpResponse<String> post(String action, String body, boolean expectContinue) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.get().userPoolEndpoint() + "/"))
                .timeout(Duration.ofSeconds(30))
                .expectContinue(expectContinue)
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (action != null) {
            request.header("X-Amz-Target", TARGET_PREFIX + action);
        }
        try {
            return (expectContinue ? client() : HTTP).send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("POST " + action + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("the body is not JSON: " + response.body(), e);
        }
    }

    /** The error type of a JSON 1.1 error body, without the namespace some services put before '#'. */
    public static String errorType(HttpResponse<String> response) {
        String type = json(response).path("__type").asText("");
        return type.substring(type.indexOf('#') + 1);
    }

    public static String quote(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
