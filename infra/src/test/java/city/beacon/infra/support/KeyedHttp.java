package city.beacon.infra.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A machine client (sensor gateway, CAP sender) sending its API key in X-Api-Key; null key: none sent. */
public final class KeyedHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String key;

    public KeyedHttp(String baseUrl, String key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    public Http.Response post(String path, String body, String contentType) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(60));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        try {
            var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Http.Response postJson(String path, String json) {
        return post(path, json, "application/json");
    }
}
