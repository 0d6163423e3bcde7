package city.beacon.infra.console;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.Reports;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auditor's time travel in a real browser (headless Chromium): an incident that was reported, confirmed (the
 * response plan tasked the departments) and acknowledged by fire, looked at as it stood between two of those
 * steps; the board as it stood in the past, marked as past; the history verified.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditConsoleBrowserIT {
    @TempDir
    static Path data;
    static BeaconNode node;
    static Browser auditor;
    static String incidentId;
    static String number;
    static List<JsonNode> history;
    static final String XSS = "<img src=x onerror=alert(1)>";

    @BeforeAll
    static void start() {
        node = BeaconNode.start(data);
        Http operator = node.as("operator");
        var created = operator.post("/api/incidents", Reports.gasLeak("Gas smell at the school gate"));
        incidentId = created.json().path("id").asText();
        number = created.json().path("number").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> operator.get("/api/incidents/" + incidentId).status() == 200);
        assertThat(operator.post("/api/incidents/" + incidentId + "/confirm", null).status()).isEqualTo(204);
        String fireTask = await().atMost(Duration.ofSeconds(10)).until(() -> taskOf(operator, "FIRE"), id -> id != null);
        Http fire = node.as("fire");
        assertThat(fire.post("/api/tasks/" + fireTask + "/acknowledge", null).status()).isEqualTo(204);
        assertThat(operator.post("/api/incidents/" + incidentId + "/notes", "{\"text\":\"" + XSS + "\"}").status()).isEqualTo(204);
        Http audit = node.as("auditor");
        history = await().atMost(Duration.ofSeconds(10)).until(() -> events(audit),
                events -> events.stream().anyMatch(e -> e.path("type").asText().equals("IncidentNoteAdded")));
        auditor = Browser.open(node.baseUrl(), "en-US");
        auditor.signIn("auditor");
    }

    @AfterAll
    static void stop() {
        if (auditor != null) {
            auditor.close();
        }
        node.close();
    }

    @Test
    @Order(1)
    void draggingTheSliderShowsTheIncidentAsItStoodThenWithTheTimelineHighlightedUpToIt() {
        auditor.find(By.id("search-number")).sendKeys(number);
        auditor.click(By.id("search-submit"));
        auditor.click(By.cssSelector("#search-results li[data-incident='" + incidentId + "']"));
        auditor.until(d -> d.findElements(By.cssSelector("#history tr[data-position]")).size() >= history.size());
        auditor.until(d -> d.findElement(By.id("audit-slider")).isEnabled());
        auditor.until(d -> !"REPORTED".equals(d.findElement(By.id("panel-status")).getAttribute("data-status")));
        assertThat(auditor.driver().findElement(By.id("panel-past")).isDisplayed()).isFalse();

        Instant reported = timeOf("IncidentReported");
        Instant confirmed = timeOf("IncidentConfirmed");
        assertThat(confirmed).as("an instant between the two steps exists").isAfter(reported.plusMillis(1));
        long between = reported.toEpochMilli() + (confirmed.toEpochMilli() - reported.toEpochMilli()) / 2;

        // Dragging: a burst of input events, as a slider fires while it moves, ending between report and confirmation.
        js("window.__timeTravels = 0; const original = window.fetch;"
                + "window.fetch = function (url, init) { if (String(url).indexOf('?at=') >= 0) window.__timeTravels++;"
                + " return original.call(this, url, init); };"
                + "const slider = document.getElementById('audit-slider');"
                + "const from = Number(slider.max), to = arguments[0];"
                + "for (let i = 0; i <= 30; i++) { slider.value = String(Math.round(from + (to - from) * i / 30));"
                + " slider.dispatchEvent(new Event('input', { bubbles: true })); }", between);
        auditor.until(d -> "REPORTED".equals(d.findElement(By.id("panel-status")).getAttribute("data-status")));
        assertThat(auditor.find(By.id("panel-past")).getText()).startsWith("PAST STATE — as of");
        assertThat(auditor.driver().findElements(By.cssSelector("#panel-tasks tr[data-task]"))).isEmpty();
        assertThat(texts("#panel-timeline li.upto")).hasSize(1).allSatisfy(line -> assertThat(line).contains("Reported"));
        assertThat(texts("#panel-timeline li.after")).anySatisfy(line -> assertThat(line).contains("Confirmed"))
                .anySatisfy(line -> assertThat(line).contains("Fire and rescue acknowledged"));
        // Every row up to the instant is highlighted, every later one is not (a row's time is its event's time).
        auditor.until(d -> !d.findElements(By.cssSelector("#history tr.upto")).isEmpty());
        List<WebElement> rows = auditor.driver().findElements(By.cssSelector("#history tr[data-position]"));
        assertThat(rows).allSatisfy(row -> assertThat(row.getAttribute("class").contains("upto"))
                .isEqualTo(!Instant.parse(row.getAttribute("data-time")).isAfter(Instant.ofEpochMilli(between))));
        assertThat(auditor.driver().findElements(By.cssSelector("#history tr.after"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(((Number) js("return window.__timeTravels")).intValue()).as("one request per settled drag").isEqualTo(1);
        auditor.screenshot("audit-time-slider.png");

        // The arrow key steps to the next event: the confirmation.
        auditor.find(By.id("audit-slider")).sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT);
        auditor.until(d -> "CONFIRMED".equals(d.findElement(By.id("panel-status")).getAttribute("data-status")));
        assertThat(Long.parseLong(auditor.find(By.id("audit-slider")).getAttribute("value"))).isEqualTo(confirmed.toEpochMilli());
        auditor.click(By.id("audit-previous"));
        auditor.until(d -> "REPORTED".equals(d.findElement(By.id("panel-status")).getAttribute("data-status")));

        // A real mouse drag to the right end: the last event, fire's acknowledgment.
        WebElement slider = auditor.find(By.id("audit-slider"));
        new Actions(auditor.driver()).clickAndHold(slider).moveByOffset(slider.getSize().getWidth() / 2 + 5, 0).release().perform();
        auditor.until(d -> "ACKNOWLEDGED".equals(taskStatus(d.findElements(By.cssSelector("#panel-tasks tr[data-department='FIRE'] .task-status")))));
        auditor.until(d -> texts("#panel-timeline li.upto").stream().anyMatch(line -> line.contains("Fire and rescue acknowledged")));
        assertThat(auditor.find(By.id("panel-past")).isDisplayed()).isTrue();

        auditor.click(By.id("audit-live"));
        auditor.until(d -> !d.findElement(By.id("panel-past")).isDisplayed());
        assertThat(auditor.driver().findElements(By.cssSelector("#panel-timeline li.upto, #history tr.upto"))).isEmpty();
    }

    @Test
    @Order(2)
    void theDiffListsWhatChangedAndAnEventShowsItsCausalityChain() {
        auditor.click(By.id("diff-run"));
        auditor.until(d -> d.findElement(By.id("diff-result")).getText().contains("Status: Reported →"));
        assertThat(auditor.find(By.id("diff-result")).getText()).contains("New task for Fire and rescue")
                .contains("Fire and rescue acknowledged (fire, Liaison)");

        String acknowledged = history.stream().filter(e -> e.path("type").asText().equals("TaskAcknowledged"))
                .findFirst().orElseThrow().path("eventId").asText();
        clickRow(acknowledged);
        auditor.until(d -> d.findElement(By.cssSelector("#chain li.this")).getText().contains("Task acknowledged"));
        assertThat(auditor.driver().findElements(By.cssSelector("#history tr.selected"))).hasSize(1);
        // The confirmation's chain reaches the tasks the response plan requested because of it.
        String confirmation = history.stream().filter(e -> e.path("type").asText().equals("IncidentConfirmed"))
                .findFirst().orElseThrow().path("eventId").asText();
        clickRow(confirmation);
        auditor.until(d -> d.findElement(By.cssSelector("#chain li.this")).getText().contains("Incident confirmed"));
        assertThat(texts("#chain li.effect")).anySatisfy(line -> assertThat(line).contains("Task requested"));
        js("document.getElementById('diff-result').scrollIntoView({ block: 'start' })");
        auditor.screenshot("audit-diff-chain.png");
        auditor.until(d -> "CONFIRMED".equals(d.findElement(By.id("panel-status")).getAttribute("data-status")));
        auditor.click(By.id("audit-live"));
    }

    @Test
    @Order(3)
    void theHistoryFiltersByTypeAndTimeAndShowsWhatPeopleTypedAsText() {
        new org.openqa.selenium.support.ui.Select(auditor.find(By.id("history-type"))).selectByValue("TaskRequested");
        auditor.click(By.id("history-filter"));
        auditor.until(d -> d.findElements(By.cssSelector("#history tr[data-position]")).stream()
                .allMatch(row -> row.getText().contains("Task requested")));
        long requested = history.stream().filter(e -> e.path("type").asText().equals("TaskRequested")).count();
        assertThat(auditor.driver().findElements(By.cssSelector("#history tr[data-position]"))).hasSize((int) requested);

        // From the confirmation on, no report: the time bound is the server's, inclusive.
        new org.openqa.selenium.support.ui.Select(auditor.find(By.id("history-type"))).selectByValue("");
        js("const from = document.getElementById('history-from'); from.value = arguments[0];", localInput(timeOf("IncidentConfirmed")));
        auditor.click(By.id("history-filter"));
        // Waits for the time-filtered table itself (the type-filtered one before it has no report either).
        auditor.until(d -> {
            List<String> rows = texts("#history tr[data-position]");
            return rows.stream().anyMatch(row -> row.contains("Incident confirmed"))
                    && rows.stream().noneMatch(row -> row.contains("Incident reported"));
        });
        auditor.click(By.id("history-reset"));
        auditor.until(d -> d.findElements(By.cssSelector("#history tr[data-position]")).size() >= history.size());

        assertThat(auditor.find(By.id("diff-result")).getText()).contains("Note: " + XSS);
        assertThat(auditor.driver().findElements(By.cssSelector("#panel img"))).isEmpty();
    }

    @Test
    @Order(4)
    void theExportLinksDownloadTheHistoryAndTheAfterActionReportWithTheAuditorsSession() {
        String jsonl = download("export-jsonl");
        assertThat(jsonl.lines().toList()).hasSizeGreaterThanOrEqualTo(history.size())
                .first().asString().contains("\"type\":\"IncidentReported\"");
        assertThat(download("export-csv")).startsWith("position,eventId,time,type");
        assertThat(download("export-report")).contains(number).contains("<html");
    }

    @Test
    @Order(5)
    void theBoardSliderShowsAPastBoardMarkedAsPastAndGoesBackToLive() {
        auditor.click(By.id("tab-board"));
        auditor.find(By.cssSelector("#board-list li[data-incident='" + incidentId + "']"));
        assertThat(auditor.driver().findElement(By.id("board-past")).isDisplayed()).isFalse();

        long between = (timeOf("IncidentReported").toEpochMilli() + timeOf("IncidentConfirmed").toEpochMilli()) / 2;
        js("const picker = document.getElementById('board-at');"
                + "const d = new Date(arguments[0]); const p = (n, w) => String(n).padStart(w || 2, '0');"
                + "picker.value = d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' + p(d.getHours())"
                + " + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds()) + '.' + p(d.getMilliseconds(), 3);"
                + "picker.dispatchEvent(new Event('change', { bubbles: true }));", between);
        auditor.until(d -> "REPORTED".equals(d.findElement(By.cssSelector("#board-list li[data-incident='" + incidentId + "']"))
                .getAttribute("data-status")));
        assertThat(auditor.find(By.id("board-past")).getText()).startsWith("PAST STATE — as of");
        assertThat(auditor.find(By.id("map-past")).getText()).startsWith("PAST STATE — as of");
        assertThat(auditor.find(By.id("map")).getAttribute("class")).contains("past");
        assertThat(auditor.driver().findElements(By.cssSelector("path.incident-marker"))).hasSize(1);
        auditor.screenshot("audit-board-past.png");

        // Dragged to the window's left end, a day ago: before anything happened, the board was empty.
        WebElement slider = auditor.find(By.id("board-slider"));
        new Actions(auditor.driver()).clickAndHold(slider).moveByOffset(-(slider.getSize().getWidth() / 2 + 5), 0).release().perform();
        auditor.until(d -> d.findElement(By.id("board-list")).getText().contains("No active incidents then."));
        auditor.until(d -> d.findElements(By.cssSelector("path.incident-marker")).isEmpty());
        assertThat(auditor.find(By.id("board-past")).isDisplayed()).isTrue();

        auditor.click(By.id("board-live"));
        auditor.until(d -> !d.findElement(By.id("board-past")).isDisplayed());
        auditor.until(d -> !"REPORTED".equals(d.findElement(By.cssSelector("#board-list li[data-incident='" + incidentId + "']"))
                .getAttribute("data-status")));
        assertThat(auditor.driver().findElement(By.id("map-past")).isDisplayed()).isFalse();
    }

    @Test
    @Order(6)
    void verifyingTheHistoryShowsItIntactInBothLanguages() {
        auditor.click(By.id("tab-verify"));
        auditor.click(By.id("verify-run"));
        auditor.until(d -> "INTACT".equals(d.findElement(By.id("verify-result")).getAttribute("data-state")));
        assertThat(auditor.find(By.id("verify-result")).getText()).startsWith("Intact through stream position");
        assertThat(auditor.find(By.id("verify-progress")).isDisplayed()).isTrue();
        new org.openqa.selenium.support.ui.Select(auditor.find(By.id("lang"))).selectByValue("zh-CN");
        auditor.until(d -> d.findElement(By.id("verify-result")).getText().startsWith("截至事件流位置"));
        assertThat(auditor.find(By.id("tab-board")).getText()).isEqualTo("历史态势");
        new org.openqa.selenium.support.ui.Select(auditor.find(By.id("lang"))).selectByValue("en");
    }

    /** The history's header stays on top while it scrolls: the row is brought to the middle before the click. */
    private static void clickRow(String eventId) {
        var row = By.cssSelector("#history tr[data-event='" + eventId + "']");
        js("arguments[0].scrollIntoView({ block: 'center' })", auditor.find(row));
        auditor.click(row);
    }

    /** What the link's address answers in this browser session, as text. */
    private static String download(String linkId) {
        auditor.find(By.id(linkId));
        return (String) ((JavascriptExecutor) auditor.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById(arguments[0]).href, { credentials: 'same-origin' })"
                        + ".then((r) => r.ok ? r.text() : 'HTTP ' + r.status).then(done, (e) => done(String(e)));", linkId);
    }

    /** The instant as a datetime-local value in the browser's time zone, to the millisecond. */
    private static String localInput(Instant instant) {
        return (String) js("const d = new Date(arguments[0]); const p = (n, w) => String(n).padStart(w || 2, '0');"
                + "return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' + p(d.getHours())"
                + " + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds()) + '.' + p(d.getMilliseconds(), 3);", instant.toEpochMilli());
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) auditor.driver()).executeScript(script, args);
    }

    private static List<String> texts(String css) {
        return auditor.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static Instant timeOf(String type) {
        return history.stream().filter(e -> e.path("type").asText().equals(type)).findFirst()
                .map(e -> Instant.parse(e.path("time").asText())).orElseThrow();
    }

    private static String taskStatus(List<WebElement> badges) {
        return badges.isEmpty() ? "" : badges.get(0).getAttribute("data-status");
    }

    private static String taskOf(Http operator, String department) {
        for (JsonNode task : operator.get("/api/incidents/" + incidentId).json().path("tasks")) {
            if (task.path("department").asText().equals(department)) {
                return task.path("taskId").asText();
            }
        }
        return null;
    }

    private static List<JsonNode> events(Http audit) {
        List<JsonNode> events = new ArrayList<>();
        audit.get("/api/audit/incidents/" + incidentId + "/events?limit=1000").json().path("events").forEach(events::add);
        return events;
    }
}
