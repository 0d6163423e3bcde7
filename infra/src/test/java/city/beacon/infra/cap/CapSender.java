package city.beacon.infra.cap;

import city.beacon.infra.support.Http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** An agency sending CAP bytes as they are (declared encodings, byte-order marks), sized or chunked. */
final class CapSender {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String key;

    CapSender(String baseUrl, String key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    Http.Response post(byte[] body, String contentType) {
        return send(HttpRequest.BodyPublishers.ofByteArray(body), contentType);
    }

    /** Without a Content-Length: the body arrives in chunks and only reading it tells its size. */
    Http.Response postChunked(byte[] body, String contentType) {
        return send(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), contentType);
    }

    /**
     * Announces {@code declaredLength} bytes but sends only the first {@code sent}, then reads the answer: a server
     * that answers has judged the request by its headers, without reading the body.
     */
    String postAnnounced(long declaredLength, int sent) {
        var url = URI.create(baseUrl);
        try (var socket = new java.net.Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(20_000);
            var out = socket.getOutputStream();
            out.write(("POST " + CapApiIT.ALERTS + " HTTP/1.1\r\nHost: " + url.getHost() + "\r\nX-Api-Key: " + key
                    + "\r\nContent-Type: application/cap+xml\r\nContent-Length: " + declaredLength + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(new byte[sent]);
            out.flush();
            var answer = new StringBuilder();
            var in = socket.getInputStream();
            var buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) > 0) {
                answer.append(new String(buffer, 0, read, java.nio.charset.StandardCharsets.UTF_8));
                if (answer.indexOf("}") > 0) {
                    break;   // the problem document is complete
                }
            }
            return answer.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Http.Response send(HttpRequest.BodyPublisher body, String contentType) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + CapApiIT.ALERTS)).POST(body)
                .header("Content-Type", contentType).header("X-Api-Key", key).timeout(Duration.ofSeconds(60)).build();
        try {
            var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
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
}
