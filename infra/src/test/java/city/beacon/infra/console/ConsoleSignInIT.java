package city.beacon.infra.console;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Reports;
import city.beacon.infra.support.StompProbe;
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
import java.util.Base64;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Signing in to the console and what the session may do: a browser's session-authenticated changes need the CSRF
 * token (a hostile page can make a browser send the cookie, never the token); API clients with their own Basic
 * credentials need none unless the request comes from another site.
 */
class ConsoleSignInIT {
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

    /** A browser-like client: keeps cookies, does not follow redirects (so they can be checked). */
    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
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

    private static String signIn(HttpClient client, String user) throws Exception {
        var login = send(client, at("/login").GET());
        assertThat(login.statusCode()).isEqualTo(200);
        var form = "username=" + user + "&password=" + user + "&_csrf="
                + URLEncoder.encode(token(FORM_TOKEN, login.body()), StandardCharsets.UTF_8);
        var signedIn = send(client, at("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/");
        var console = send(client, at("/").GET());
        assertThat(console.statusCode()).isEqualTo(200);
        return token(META_TOKEN, console.body());
    }

    @Test
    void aBrowserWithoutASessionIsSentToTheLoginPageAndTheApiAnswers401() throws Exception {
        var client = browser();
        var page = send(client, at("/").GET());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
        var me = send(client, at("/api/me").GET());
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(send(client, at("/console/app.js").GET()).statusCode()).isEqualTo(200);
        assertThat(send(client, at("/webjars/leaflet/dist/leaflet.js").GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordStaysOnTheLoginPage() throws Exception {
        var client = browser();
        var login = send(client, at("/login").GET());
        var form = "username=operator&password=nope&_csrf="
                + URLEncoder.encode(token(FORM_TOKEN, login.body()), StandardCharsets.UTF_8);
        var refused = send(client, at("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/login?error");
    }

    @Test
    void aSessionsChangesNeedTheCsrfTokenAndSigningOutEndsTheSession() throws Exception {
        var client = browser();
        var csrf = signIn(client, "operator");
        assertThat(send(client, at("/api/me").GET()).body()).contains("\"role\":\"OPERATOR\"");

        var report = HttpRequest.BodyPublishers.ofString(Reports.gasLeak("Session report"));
        var forged = send(client, at("/api/incidents").header("Content-Type", "application/json").POST(report));
        assertThat(forged.statusCode()).as("a cross-site POST carries the cookie but not the token").isEqualTo(403);
        var genuine = send(client, at("/api/incidents").header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(Reports.gasLeak("Session report"))));
        assertThat(genuine.statusCode()).isEqualTo(201);

        // As a browser submits the console's sign-out form (API clients without Accept: text/html get 204).
        var out = send(client, at("/logout").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))));
        assertThat(out.headers().firstValue("Location").orElse("")).as(out.statusCode() + " " + out.body()).endsWith("/login?logout");
        assertThat(send(client, at("/api/me").GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void aSignedOutBrowserReceivesNoFurtherLiveMessages() throws Exception {
        var cookies = new CookieManager();
        var client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        var csrf = signIn(client, "operator");
        var session = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID")).findFirst().orElseThrow();
        try (var browser = StompProbe.connectWithCookie(node.baseUrl(), "JSESSIONID=" + session.getValue())
                .subscribe("/topic/board");
             var wall = StompProbe.connect(node.baseUrl(), "auditor", "auditor").subscribe("/topic/board")) {
            var wait = java.time.Duration.ofSeconds(15);
            browser.next(m -> "SNAPSHOT".equals(m.path("kind").asText()), wait);
            wall.next(m -> "SNAPSHOT".equals(m.path("kind").asText()), wait);

            send(client, at("/logout").header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))));
            var id = node.as("operator").post("/api/incidents", Reports.gasLeak("After sign-out")).json().get("id").asText();

            // The wall display still gets the change; the signed-out browser, subscribed to the same topic, does not.
            wall.next(m -> id.equals(m.path("payload").path("row").path("id").asText()), wait);
            // The broker fans one message out to both at once; watching a while covers the thread hand-off.
            await().atMost(java.time.Duration.ofSeconds(5)).during(java.time.Duration.ofMillis(500))
                    .until(() -> browser.received().stream()
                            .noneMatch(m -> id.equals(m.path("payload").path("row").path("id").asText())));
        }
    }

    @Test
    void basicCredentialsNeedNoTokenUnlessTheRequestComesFromAnotherSite() throws Exception {
        var client = HttpClient.newHttpClient();
        var basic = "Basic " + Base64.getEncoder().encodeToString("operator:operator".getBytes(StandardCharsets.UTF_8));
        var fromScript = send(client, at("/api/incidents").header("Authorization", basic)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Reports.gasLeak("Scripted"))));
        assertThat(fromScript.statusCode()).isEqualTo(201);
        var fromElsewhere = send(client, at("/api/incidents").header("Authorization", basic)
                .header("Origin", "http://evil.example").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Reports.gasLeak("Forged"))));
        assertThat(fromElsewhere.statusCode()).isEqualTo(403);
        var sameSite = send(client, at("/api/incidents").header("Authorization", basic)
                .header("Origin", node.baseUrl()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Reports.gasLeak("Same site"))));
        assertThat(sameSite.statusCode()).isEqualTo(201);
    }
}
