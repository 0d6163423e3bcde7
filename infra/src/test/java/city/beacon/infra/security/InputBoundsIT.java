package city.beacon.infra.security;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.Reports;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bounded, strict reading of request bodies: size per endpoint, nesting, duplicate keys, no type coercion. */
class InputBoundsIT {
    private static final int TEN_MB = 10 * 1024 * 1024;
    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("operator:operator".getBytes(StandardCharsets.UTF_8));
    @TempDir
    static Path data;
    static BeaconNode node;
    static Http operator;

    @BeforeAll
    static void start() {
        node = BeaconNode.start(data);
        operator = node.as("operator");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static void assertProblem(Http.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            List<String> fields = new ArrayList<>();
            response.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
            assertThat(fields).as(response.toString()).contains(field);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        // A client of its own each time: a refused large body closes the connection, which must not be reused.
        return HttpClient.newHttpClient().send(request.header("Authorization", AUTH).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends only the request head, declaring a body of {@code length} bytes that never follows, and reads the answer:
     * an answer at all proves the body was not waited for.
     */
    private static String headOnly(String path, long length, String credentials) throws IOException {
        var url = URI.create(node.baseUrl());
        try (var socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(30_000);
            var head = "POST " + path + " HTTP/1.1\r\nHost: " + url.getHost() + "\r\nContent-Type: application/json\r\n"
                    + credentials + "Content-Length: " + length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // Read the answer only: the connection may stay open while the server waits for the unsent body.
            var answer = new StringBuilder();
            var in = socket.getInputStream();
            var buffer = new byte[8192];
            while (!(answer.indexOf("\r\n\r\n") > 0 && answer.toString().trim().endsWith("}"))
                    && !(answer.toString().endsWith("0\r\n\r\n"))) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            return answer.toString();
        }
    }

    @Test
    void aTenMegabyteReportWithItsLengthIsRefusedBeforeItIsRead() throws Exception {
        var answer = headOnly("/api/incidents", TEN_MB, "Authorization: " + AUTH + "\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("262144");
    }

    @Test
    void aSensorBatchHasItsOwnStatedLimit() throws Exception {
        assertThat(headOnly("/api/sensors/readings", 3L * 1024 * 1024, "")).startsWith("HTTP/1.1 413")
                .contains("2097152");
    }

    @Test
    void aTenMegabyteReportWithoutALengthIsCutOffAtTheLimit() throws Exception {
        // Many small tokens, no long string: what counts is the number of bytes.
        var body = ("{\"pad\":[" + "1,".repeat(TEN_MB / 2) + "1]}").getBytes(StandardCharsets.UTF_8);
        var read = new int[1];
        InputStream counting = new InputStream() {
            @Override
            public int read() {
                return read[0] < body.length ? body[read[0]++] : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (read[0] >= body.length) {
                    return -1;
                }
                int n = Math.min(length, body.length - read[0]);
                System.arraycopy(body, read[0], buffer, offset, n);
                read[0] += n;
                return n;
            }
        };
        HttpResponse<String> response;
        try {
            response = send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/incidents"))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> counting)));
        } catch (IOException closedWhileSending) {
            // The server answered and closed the connection before the client had sent everything: also a refusal.
            assertThat(read[0]).isLessThan(body.length);
            return;
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("body-too-large");
    }

    @Test
    void deeplyNestedJsonIsRefusedAs400() {
        var nested = "{\"pad\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        assertProblem(operator.post("/api/incidents", nested), 400, null);
        assertThat(operator.post("/api/incidents", nested).body()).contains("nesting");
    }

    @Test
    void aDuplicateKeyIsA400NamingIt() {
        var duplicate = Reports.gasLeak("first").replace("\"drill\":false", "\"drill\":false,\"summary\":\"second\"");
        assertProblem(operator.post("/api/incidents", duplicate), 400, "summary");
    }

    @Test
    void trailingGarbageIsA400() {
        assertProblem(operator.post("/api/incidents", Reports.gasLeak("ok") + " {\"more\":1}"), 400, null);
    }

    @Test
    void valuesOfTheWrongTypeAreNotCoerced() {
        assertProblem(operator.post("/api/incidents", Reports.gasLeak("ok").replace("\"ok\"", "123")), 400, "summary");
        assertProblem(operator.post("/api/incidents", Reports.gasLeak("ok").replace("\"SEVERE\"", "4")), 400, "severity");
        assertProblem(operator.post("/api/incidents", Reports.gasLeak("ok").replace("\"drill\":false", "\"drill\":\"\"")),
                400, "drill");
        assertProblem(operator.post("/api/incidents", Reports.gasLeak("ok").replace("31.2304", "\"31.2304\"")),
                400, "location.lat");
    }

    @Test
    void aReferenceToADepartmentThatDoesNotExistIsNamed() {
        var sensor = """
                {"id":"GP-9999","kind":"GAS_PRESSURE","name":"Probe","lat":31.2,"lon":121.4,"department":"NOWHERE",
                 "unit":"MPa","physical":{"min":0,"max":1.6},"normal":{"min":0.38,"max":0.42},
                 "alarm":{"low":0.32,"high":0.5},"incidentType":"GAS_LEAK"}""";
        assertProblem(node.as("admin").post("/api/admin/sensors", sensor), 400, "department");
        assertThat(node.as("admin").post("/api/admin/sensors", sensor.replace("NOWHERE", "GAS_UTILITY")).status())
                .isEqualTo(201);
        assertProblem(operator.get("/api/departments/NOWHERE/queue"), 404, null);
        assertProblem(operator.get("/api/units?department=NOWHERE"), 400, "department");
    }

    @Test
    void axonsSerializerReadsAsBeforeOnlyTheWebIsStrict() throws Exception {
        ObjectMapper axon = ((JacksonSerializer) node.bean(Serializer.class)).getObjectMapper();
        assertThat(axon.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)).isFalse();
        JsonNode tree = axon.readTree("{\"a\":1,\"a\":2}");
        assertThat(tree.path("a").asInt()).isEqualTo(2);
        assertThat(operator.post("/api/incidents", Reports.gasLeak("a valid report")).status()).isEqualTo(201);
    }
}
