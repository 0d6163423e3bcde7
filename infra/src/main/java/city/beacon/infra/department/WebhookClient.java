package city.beacon.infra.department;

import city.beacon.saga.notify.TaskNotice;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** POSTs a task notice to a department's webhook with the JDK client, without blocking the caller. */
final class WebhookClient {
    /** The notice's idempotency key (the name IETF's draft on idempotency keys gives it). */
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    /** The same key under the name Beacon used first, for department systems written against it. */
    static final String DELIVERY_HEADER = "X-Beacon-Delivery";

    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    WebhookClient(Duration connectTimeout) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)         // no h2c upgrade dance with plain-http departments
                .followRedirects(HttpClient.Redirect.NEVER)   // a POST silently turned into a GET is not a delivery
                .build();
    }

    /**
     * The request for one try; every try of one notice carries the notice's idempotency key, so a department can drop
     * a repeat after a lost answer or a Beacon restart.
     *
     * @param timeLimit  the department's time limit per try; the client enforces it too, as a backstop that frees
     *                   the connection even where the time limiter only abandons the try
     */
    HttpRequest request(TaskNotice notice, URI webhook, Duration timeLimit) {
        return HttpRequest.newBuilder(webhook)
                .timeout(timeLimit)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Beacon department-notifier")
                .header(IDEMPOTENCY_HEADER, notice.idempotencyKey())
                .header(DELIVERY_HEADER, notice.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(notice)))
                .build();
    }

    /** One try: 2xx and final refusals complete normally; 408, 429, 5xx and I/O failures complete exceptionally. */
    CompletableFuture<WebhookReply> send(HttpRequest request) {
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        CompletableFuture<WebhookReply> reply = exchange.thenApply(WebhookClient::judge);
        // The time limiter ends a slow try by completing `reply`; aborting the exchange frees its connection at once.
        reply.whenComplete((answer, failure) -> {
            if (failure != null) {
                exchange.cancel(true);
            }
        });
        return reply;
    }

    private static WebhookReply judge(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 408 || status == 429 || status >= 500) {
            throw new RetryableReplyException(status, response.body());
        }
        return new WebhookReply.Answered(status, response.body());
    }

    private byte[] body(TaskNotice notice) {
        try {
            return json.writeValueAsBytes(TaskNoticeJson.of(notice));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
