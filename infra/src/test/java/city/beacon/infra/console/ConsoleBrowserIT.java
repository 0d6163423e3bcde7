package city.beacon.infra.console;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.task.Priority;
import city.beacon.api.task.RequestTaskCommand;
import city.beacon.api.task.TaskId;
import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.KeyedHttp;
import city.beacon.infra.support.Reports;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The web console in a real browser (headless Chromium): an operator at the board and a fire liaison at the
 * queue, in two browser sessions against one Beacon node. Nothing is reloaded: every update arrives live.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
    static final String XSS = "<img src=x onerror=alert(1)>";
    @TempDir
    static Path data;
    static BeaconNode node;
    static Browser operator;
    static Http operatorApi;

    @BeforeAll
    static void start() {
        node = BeaconNode.start(data);
        operatorApi = node.as("operator");
        operator = Browser.open(node.baseUrl(), "en-US");
        operator.signIn("operator");
    }

    @AfterAll
    static void stop() {
        if (operator != null) {
            operator.close();
        }
        node.close();
    }

    @Test
    @Order(1)
    void anOperatorReportsAnIncidentByClickingTheMapAndSeesItListedAndMarked() {
        int markersBefore = operator.driver().findElements(By.cssSelector("path.incident-marker")).size();
        new Select(operator.find(By.id("report-type"))).selectByValue("GAS_LEAK");
        new Select(operator.find(By.id("report-severity"))).selectByValue("SEVERE");
        operator.find(By.id("report-summary")).sendKeys("Gas smell at the metro entrance");
        operator.find(By.id("report-address")).sendKeys("People's Square, exit 3");
        new Actions(operator.driver()).moveToElement(operator.find(By.id("map")), -160, 120).click().perform();
        operator.until(d -> !d.findElement(By.id("report-location")).getText().contains("Click"));
        operator.click(By.id("report-submit"));

        WebElement number = operator.find(By.id("panel-number"));
        String incidentNumber = number.getText();
        assertThat(incidentNumber).matches("\\d{8}-\\d{4}");
        WebElement item = operator.find(By.xpath("//ol[@id='incident-list']/li[.//strong[text()='" + incidentNumber + "']]"));
        assertThat(item.getText()).contains("Gas smell at the metro entrance").contains("Severe");
        operator.until(d -> d.findElements(By.cssSelector("path.incident-marker")).size() == markersBefore + 1);
        assertThat(operator.driver().findElements(By.cssSelector("path.incident-marker.sev-SEVERE"))).isNotEmpty();
    }

    @Test
    @Order(2)
    void whatUsersTypeIsShownAsTextAndNeverRuns() {
        var created = operatorApi.post("/api/incidents", Reports.gasLeak(XSS));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asText();
        operator.until(d -> XSS.equals(d.findElement(By.cssSelector("#incident-list li[data-incident='" + id + "'] .summary"))
                .getText()));
        operator.click(By.cssSelector("#incident-list li[data-incident='" + id + "']"));
        operator.until(d -> XSS.equals(d.findElement(By.id("panel-summary")).getText()));
        assertThat(operator.driver().findElements(By.cssSelector("#incident-list img, #panel img"))).isEmpty();
        assertThatThrownBy(() -> operator.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    @Order(3)
    void aLiaisonAcknowledgesInAnotherBrowserAndTheOperatorsPanelUpdatesLive() {
        var created = operatorApi.post("/api/incidents", Reports.gasLeak("Pressure drop on the Nanjing Road main"));
        String incidentId = created.json().path("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> operatorApi.get("/api/incidents/" + incidentId).status() == 200);
        String fireTask = requestTask(incidentId, Department.FIRE, "Stand by against ignition");
        String policeTask = requestTask(incidentId, Department.POLICE, "Cordon 200 m and evacuate");

        operator.click(By.cssSelector("#incident-list li[data-incident='" + incidentId + "']"));
        operator.until(d -> statusOfTask(d.findElements(By.cssSelector("#panel-tasks tr[data-task='" + fireTask + "'] .task-status")))
                .equals("REQUESTED"));
        assertThat(operator.driver().findElements(By.cssSelector("#panel-tasks tr[data-task='" + fireTask + "'] .countdown")))
                .isNotEmpty();

        try (Browser fire = Browser.open(node.baseUrl(), "en-US")) {
            fire.signIn("fire");
            fire.until(d -> d.findElement(By.cssSelector("#task-queue li[data-task='" + fireTask + "']")).getText()
                    .contains("Stand by against ignition"));
            assertThat(fire.driver().findElements(By.cssSelector("#task-queue li[data-task='" + policeTask + "']"))).isEmpty();
            assertThat(fire.driver().findElements(By.cssSelector("#task-queue li[data-task]")))
                    .allSatisfy(each -> assertThat(each.getText()).doesNotContain("Cordon"));
            fire.screenshot("liaison-queue.png");

            fire.click(By.cssSelector("#task-queue li[data-task='" + fireTask + "'] button.acknowledge"));
            fire.until(d -> "ACKNOWLEDGED".equals(d.findElement(By.cssSelector("#task-queue li[data-task='" + fireTask + "']"))
                    .getAttribute("data-status")));
        }
        operator.until(d -> statusOfTask(d.findElements(By.cssSelector("#panel-tasks tr[data-task='" + fireTask + "'] .task-status")))
                .equals("ACKNOWLEDGED"));
        operator.until(d -> d.findElement(By.id("panel-timeline")).getText().contains("Fire and rescue acknowledged"));
        operator.screenshot("board.png");
    }

    @Test
    @Order(7)
    void anAlertLocatedOnlyByAreaCodeIsMarkedSoOnTheBoardAndShowsItsOwnEvent() {
        var imported = new KeyedHttp(node.baseUrl(), "demo-cap-key").post("/api/cap/alerts", """
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>console-ugc-1</identifier><sender>w-nws.webmaster@noaa.gov</sender>
                  <sent>2026-11-28T16:00:00-05:00</sent><status>Actual</status><msgType>Alert</msgType>
                  <scope>Public</scope>
                  <info><category>Met</category><event>Winter Storm Warning</event><urgency>Expected</urgency>
                    <severity>Moderate</severity><certainty>Likely</certainty>
                    <area><areaDesc>Northern Panhandle</areaDesc>
                      <geocode><valueName>UGC</valueName><value>TXZ001</value></geocode></area></info>
                </alert>""", "application/cap+xml");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String id = imported.json().path("incidentId").asText();
        var row = By.cssSelector("#incident-list li[data-incident='" + id + "']");
        operator.until(d -> !d.findElements(row).isEmpty());
        assertThat(operator.find(By.cssSelector("#incident-list li[data-incident='" + id + "'] .badge.area-code"))
                .getText()).isEqualTo("Location from area code (not resolved: shown at the city centre)");
        operator.click(row);
        operator.until(d -> "Winter Storm Warning".equals(d.findElement(By.id("panel-external-event")).getText()));
        assertThat(operator.find(By.id("panel-location-basis")).getText()).contains("UGC=TXZ001");
    }

    @Test
    @Order(4)
    void theLanguageSwitchChangesEveryLabel() {
        var language = new Select(operator.find(By.id("lang")));
        language.selectByValue("zh-CN");
        operator.until(d -> "上报".equals(d.findElement(By.id("report-submit")).getText()));
        assertThat(operator.find(By.id("logout")).getText()).isEqualTo("退出");
        assertThat(operator.find(By.cssSelector("#incident-list .sev-SEVERE")).getText()).isEqualTo("重大（Ⅱ级，橙色）");
        assertThat(operator.find(By.id("connection")).getText()).isEqualTo("实时");
        assertThat(operator.find(By.id("panel-timeline")).getText()).contains("消防救援 已签收");
        operator.screenshot("board-zh.png");

        language.selectByValue("en");
        operator.until(d -> "Report".equals(d.findElement(By.id("report-submit")).getText()));
        assertThat(operator.find(By.cssSelector("#incident-list .sev-SEVERE")).getText()).isEqualTo("Severe (level II, orange)");
    }

    @Test
    @Order(5)
    void afterANetworkDropTheConsoleReconnectsAndCatchesUpFromAFreshSnapshot() {
        // The console is ES modules: the live feed's module is the page's own instance, imported again by its URL.
        Object dropped = ((org.openqa.selenium.JavascriptExecutor) operator.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import('/console/live.js').then((live) => { live.dropConnection(); done('dropped'); },"
                        + " (e) => done(String(e)));");
        assertThat(dropped).isEqualTo("dropped");
        operator.until(d -> "reconnecting".equals(d.findElement(By.id("connection")).getAttribute("data-state")));
        var missed = operatorApi.post("/api/incidents", Reports.gasLeak("Reported while the console was offline"));
        String id = missed.json().path("id").asText();
        operator.until(d -> "live".equals(d.findElement(By.id("connection")).getAttribute("data-state")));
        operator.find(By.cssSelector("#incident-list li[data-incident='" + id + "']"));
    }

    @Test
    @Order(6)
    void anAuditorFindsIncidentsAndReadsTheirHistoryWithoutAnyAction() {
        var created = operatorApi.post("/api/incidents", Reports.gasLeak("Audited report"));
        String id = created.json().path("id").asText();
        String number = created.json().path("number").asText();
        assertThat(operatorApi.post("/api/incidents/" + id + "/cancel", "{\"reason\":\"sensor fault\"}").status())
                .isEqualTo(204);
        try (Browser auditor = Browser.open(node.baseUrl(), "zh-CN")) {
            auditor.signIn("auditor");
            auditor.find(By.id("search-number")).sendKeys(number);
            auditor.click(By.id("search-submit"));
            auditor.click(By.cssSelector("#search-results li[data-incident='" + id + "']"));
            auditor.until(d -> d.findElement(By.id("panel-timeline")).getText().contains("撤销（误报）：sensor fault"));
            assertThat(auditor.find(By.id("panel-status")).getText()).isEqualTo("撤销（误报）");
            assertThat(auditor.driver().findElements(By.cssSelector("#panel button[id^='action-'], #panel .actions"))).isEmpty();
            assertThat(auditor.driver().findElements(By.id("report-form"))).isEmpty();
            auditor.screenshot("auditor.png");
        }
    }

    @Test
    @Order(7)
    void anAdministratorSeesHowEachDepartmentsSystemIsReachedInBothLanguages() {
        assertThat(operator.driver().findElements(By.id("departments-admin"))).as("not for operators").isEmpty();
        try (Browser admin = Browser.open(node.baseUrl(), "zh-CN")) {
            admin.signIn("admin");
            admin.click(By.cssSelector("#departments-admin summary"));
            admin.until(d -> d.findElement(By.cssSelector("#departments-admin tr[data-department='GAS_UTILITY']"))
                    .getText().contains("燃气集团"));
            // no department has a webhook on this node: each works in the console only, without a circuit
            assertThat(admin.find(By.cssSelector("#departments-admin tr[data-department='FIRE']")).getText())
                    .contains("消防救援").contains("仅控制台");
            new Select(admin.find(By.id("lang"))).selectByValue("en");
            admin.until(d -> d.findElement(By.cssSelector("#departments-admin tr[data-department='FIRE']"))
                    .getText().contains("Console only"));
            assertThat(admin.find(By.cssSelector("#departments-admin summary")).getText())
                    .isEqualTo("Department systems");
        }
    }

    @Test
    @Order(8)
    void anOperatorMergesADuplicateIntoAnotherIncidentAndMovesAnIncidentFromThePanel() {
        var first = operatorApi.post("/api/incidents", Reports.gasLeak("Gas smell on Fuzhou Road")).json();
        var second = operatorApi.post("/api/incidents", Reports.gasLeak("Second caller: gas smell, Fuzhou Road")).json();
        String original = first.path("id").asText();
        String duplicate = second.path("id").asText();
        String originalNumber = first.path("number").asText();
        operator.find(By.cssSelector("#incident-list li[data-incident='" + original + "']"));

        operator.click(By.cssSelector("#incident-list li[data-incident='" + duplicate + "']"));
        operator.until(d -> second.path("number").asText().equals(d.findElement(By.id("panel-number")).getText()));
        operator.until(d -> !d.findElements(By.cssSelector("#input-merge-into option[value='" + original + "']")).isEmpty());
        new Select(operator.find(By.id("input-merge-into"))).selectByValue(original);
        operator.click(By.id("action-merge"));

        operator.until(d -> "MERGED".equals(d.findElement(By.id("panel-status")).getAttribute("data-status")));
        assertThat(operator.find(By.id("panel-merged-into")).getText()).isEqualTo(originalNumber);
        operator.until(d -> d.findElements(By.cssSelector("#incident-list li[data-incident='" + duplicate + "']")).isEmpty());
        operator.until(d -> d.findElement(By.id("panel-timeline")).getText().contains("Merged into incident"));
        assertThat(operatorApi.get("/api/incidents/" + duplicate).json().path("mergedInto").asText()).isEqualTo(original);

        operator.click(By.cssSelector("#incident-list li[data-incident='" + original + "']"));
        operator.until(d -> originalNumber.equals(d.findElement(By.id("panel-number")).getText()));
        typeInto("input-move-lat", "95");
        typeInto("input-move-lon", "121.49");
        operator.click(By.id("action-location"));
        // the server's problem details, as it words them, naming the field
        operator.until(d -> d.findElement(By.id("panel-message")).getText().contains("lat"));
        assertThat(operator.find(By.id("panel-message")).getText()).startsWith("Refused:").contains("90");

        typeInto("input-move-lat", "31.24");
        typeInto("input-move-address", "Fuzhou Road 200");
        operator.click(By.id("action-location"));
        operator.until(d -> "31.24000, 121.49000".equals(d.findElement(By.id("panel-point")).getText()));
        assertThat(operator.find(By.id("panel-address")).getText()).isEqualTo("Fuzhou Road 200");
        assertThat(operator.find(By.id("panel-message")).getText()).isEmpty();
        operator.until(d -> d.findElement(By.id("panel-timeline")).getText().contains("Location updated"));
        var moved = operatorApi.get("/api/incidents/" + original).json().path("location");
        assertThat(moved.path("point").path("lat").asDouble()).isEqualTo(31.24);
        assertThat(moved.path("point").path("lon").asDouble()).isEqualTo(121.49);
        operator.screenshot("merge-and-move.png");
    }

    private static void typeInto(String id, String text) {
        var input = operator.find(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static String statusOfTask(java.util.List<WebElement> badges) {
        return badges.isEmpty() ? "" : badges.get(0).getAttribute("data-status");
    }

    /** Stands in for the response saga, which lives on another branch. */
    private static String requestTask(String incidentId, Department department, String action) {
        var id = TaskId.random();
        var command = new RequestTaskCommand(id, new IncidentId(incidentId), department, action, Priority.CRITICAL,
                Instant.now().plusSeconds(600));
        node.bean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Actor.system("test").toMetaData()));
        return id.value();
    }
}
