package city.beacon.infra.security;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.RawStomp;
import city.beacon.infra.support.StompProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every response carries and how every refusal looks: security headers, problem details from the security
 * filters and the servlet container, malformed Origins refused, STOMP clients bounded, 4xx logged without stacks.
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpHardeningIT {
    private static final String OPERATOR = "Basic " + Base64.getEncoder()
            .encodeToString("operator:operator".getBytes(StandardCharsets.UTF_8));
    @TempDir
    static Path data;
    static BeaconNode node;

    @BeforeAll
    static void start() {
        node = BeaconNode.start(data);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request written by hand, as a hostile client would send it (no client library cleaning it up). */
    private static String raw(String requestHead) throws IOException {
        var url = URI.create(node.baseUrl());
        try (var socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write((requestHead + "Host: " + url.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void pagesCarryTheSecurityHeadersAndTheSessionCookieIsSameSite() throws Exception {
        var login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("SameSite=Lax").contains("HttpOnly"));
    }

    @Test
    void theApiDescriptionNeedsASignIn() throws Exception {
        var anonymous = get("/v3/api-docs");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(get("/v3/api-docs", "Authorization", OPERATOR).statusCode()).isEqualTo(200);
        assertThat(get("/swagger-ui/index.html").statusCode()).isIn(302, 401);
    }

    @Test
    void aMalformedOriginIsRefusedWith403NotA500() throws Exception {
        for (var origin : new String[] {"http://[bad", "http://exa mple", "://x", "http://a:99999999999", "javascript:1"}) {
            var api = get("/api/me", "Authorization", OPERATOR, "Origin", origin);
            assertThat(api.statusCode()).as(origin).isEqualTo(403);
            assertThat(api.body()).contains("origin-refused");
            var handshake = raw("GET /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Authorization: " + OPERATOR + "\r\nOrigin: " + origin + "\r\n");
            assertThat(handshake).as(origin).startsWith("HTTP/1.1 403").contains("application/problem+json");
        }
        assertThat(get("/api/me", "Authorization", OPERATOR, "Origin", node.baseUrl()).statusCode()).isEqualTo(200);
    }

    @Test
    void refusalsByTheFirewallAndTheContainerAreProblemDetails() throws Exception {
        for (var path : new String[] {"/api/incidents/%2e%2e/%2e%2e/etc/passwd", "/api/incidents/..%2Fx",
                "/api//incidents", "/api/incidents/a%00b", "/api/incidents/a|b", "/api/%zz"}) {
            var answer = raw("GET " + path + " HTTP/1.1\r\nAuthorization: " + OPERATOR + "\r\n");
            assertThat(answer).as(path).matches("(?s)HTTP/1.1 4\\d\\d.*")
                    .containsIgnoringCase("Content-Type: application/problem+json");
        }
        var unmapped = get("/no/such/page", "Authorization", OPERATOR);
        assertThat(unmapped.statusCode()).isEqualTo(404);
        assertThat(unmapped.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
    }

    @Test
    void aBlankIdIsA400NamingThePathVariable() throws Exception {
        var read = get("/api/incidents/%20", "Authorization", OPERATOR);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(400);
        assertThat(read.body()).contains("\"field\":\"id\"");
        var action = raw("POST /api/tasks/%20/acknowledge HTTP/1.1\r\nAuthorization: " + OPERATOR
                + "\r\nContent-Length: 0\r\n");
        assertThat(action).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("\"field\":\"id\"");
    }

    @Test
    void refusedHandshakesAndMethodsAreProblemDetails() throws Exception {
        String upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
        var foreign = raw("GET /ws HTTP/1.1\r\n" + upgrade + "Sec-WebSocket-Version: 13\r\nAuthorization: " + OPERATOR
                + "\r\nOrigin: http://evil.example\r\n");
        assertThat(foreign).startsWith("HTTP/1.1 403").contains("application/problem+json").contains("origin-refused");
        var plain = raw("GET /ws HTTP/1.1\r\nAuthorization: " + OPERATOR + "\r\n");
        assertThat(plain).startsWith("HTTP/1.1 400").contains("application/problem+json");
        var version = raw("GET /ws HTTP/1.1\r\n" + upgrade + "Sec-WebSocket-Version: 99\r\nAuthorization: " + OPERATOR
                + "\r\n");
        assertThat(version).startsWith("HTTP/1.1 426").contains("application/problem+json")
                .containsIgnoringCase("Sec-WebSocket-Version: 13");
        var trace = raw("TRACE /api/me HTTP/1.1\r\nAuthorization: " + OPERATOR + "\r\n");
        assertThat(trace).startsWith("HTTP/1.1 405").contains("application/problem+json");
    }

    @Test
    void anOversizedStompFrameOrALyingContentLengthGetsAnErrorFrameThatSaysWhy() throws Exception {
        var operator = Map.of("Authorization", OPERATOR);
        for (var frame : List.of("SEND\ndestination:/app/report\n\n" + "b".repeat(1_000_000) + "\0",
                "SUBSCRIBE\nid:1\ndestination:/topic/board\ncontent-length:999999999\n\n\0")) {
            try (var stomp = RawStomp.connect(node.baseUrl(), operator)) {
                stomp.send(frame);
                var answer = stomp.next(Duration.ofSeconds(10));
                assertThat(answer).as(frame.substring(0, 40)).isNotNull();
                assertThat(answer.command()).as(answer.toString()).isEqualTo("ERROR");
                assertThat(answer.header("message")).isNotBlank();
            }
        }
    }

    @Test
    void aClientErrorIsLoggedWithoutAStackTrace(CapturedOutput output) throws Exception {
        int before = output.getAll().length();
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.baseUrl()
                        + "/api/tasks/00000000-0000-0000-0000-000000000000/acknowledge"))
                .header("Authorization", OPERATOR).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        String logged = output.getAll().substring(before);
        assertThat(logged).doesNotContain("\tat org.").doesNotContain("AggregateNotFoundException:");
    }

    @Test
    void aStompSessionOverItsSubscriptionLimitGetsAnErrorAndIsClosed() throws Exception {
        try (var greedy = StompProbe.connect(node.baseUrl(), "auditor", "auditor")) {
            for (int i = 0; i < 60; i++) {
                greedy.subscribe("/topic/units");
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> !greedy.isConnected());
        }
        try (var modest = StompProbe.connect(node.baseUrl(), "auditor", "auditor").subscribe("/topic/units")) {
            assertThat(modest.next(m -> "SNAPSHOT".equals(m.path("kind").asText()), Duration.ofSeconds(15)))
                    .as("closing the greedy session gave back its subscriptions").isNotNull();
        }
    }
}
