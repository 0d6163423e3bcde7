package city.beacon.infra.security;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.Reports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP defences around signing in: CSRF exemption only for requests that really authenticated with their own
 * credentials, a refusal that names the CSRF token as its cause, and throttled failed sign-ins visible to admins.
 */
class SignInDefencesIT {
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
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

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create(node.baseUrl() + path));
    }

    private static String token(Pattern pattern, String html) {
        var matcher = pattern.matcher(html);
        assertThat(matcher.find()).as(html).isTrue();
        return matcher.group(1);
    }

    private static HttpClient signedInBrowser(String user) throws Exception {
        var client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var login = send(client, at("/login").GET());
        var form = "username=" + user + "&password=" + user + "&_csrf="
                + URLEncoder.encode(token(FORM_TOKEN, login.body()), StandardCharsets.UTF_8);
        var signedIn = send(client, at("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        token(META_TOKEN, send(client, at("/").GET()).body());
        return client;
    }

    @Test
    void anAuthorizationHeaderThatAuthenticatesNobodyDoesNotExemptASessionFromCsrf() throws Exception {
        var browser = signedInBrowser("operator");
        var report = HttpRequest.BodyPublishers.ofString(Reports.gasLeak("forged"));
        for (var header : new String[] {"Bearer forged", "Negotiate abc", "Digest username=\"x\""}) {
            var forged = send(browser, at("/api/incidents").header("Content-Type", "application/json")
                    .header("Authorization", header).POST(report));
            assertThat(forged.statusCode()).as(header + " " + forged.body()).isEqualTo(403);
            assertThat(forged.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(forged.body()).contains("CSRF").doesNotContain("role");
        }
        var wrongBasic = send(browser, at("/api/incidents").header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("operator:wrong".getBytes(StandardCharsets.UTF_8))).POST(report));
        assertThat(wrongBasic.statusCode()).as(wrongBasic.body()).isIn(401, 403);
    }

    @Test
    void realBasicCredentialsNeedNoToken() {
        var created = node.as("operator").post("/api/incidents", Reports.gasLeak("by curl"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void repeatedFailedSignInsLockTheUserAndAdminsSeeIt() {
        var guesser = new Http(node.baseUrl(), "auditor", "guess");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.get("/api/me").status()).isEqualTo(401);
        }
        var locked = guesser.get("/api/me");
        assertThat(locked.status()).isEqualTo(401);
        var refused = node.as("auditor").get("/api/me");
        assertThat(refused.status()).as("even the right password waits out the lockout").isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("retryAfterSeconds").asLong()).isPositive();

        var throttle = node.as("admin").get("/api/admin/login-throttle");
        assertThat(throttle.status()).isEqualTo(200);
        assertThat(throttle.body()).contains("\"key\":\"auditor\"").contains("\"lockedUntil\"");
        assertThat(node.as("operator").get("/api/admin/login-throttle").status()).isEqualTo(403);
    }
}
