package io.cognate.saml;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** An identity provider's metadata fetched from its MetadataURL: HTTP 200, at most a megabyte, within 5 seconds. */
public final class MetadataDocuments {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_BYTES = 1 << 20;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private MetadataDocuments() {
    }

    /** The document; fails with a {@link SamlException} saying why it could not be had. */
    public static CompletableFuture<String> fetch(String url) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new SamlException("The MetadataURL is not a URL."));
        }
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
            if (failure != null) {
                throw new SamlException("The MetadataURL could not be fetched.");
            }
            if (response.statusCode() != 200 || response.body().length > MAX_BYTES) {
                throw new SamlException("The MetadataURL answered HTTP " + response.statusCode()
                        + (response.statusCode() == 200 ? " with more than a megabyte." : ", not 200."));
            }
            return new String(response.body(), StandardCharsets.UTF_8);
        });
    }
}
