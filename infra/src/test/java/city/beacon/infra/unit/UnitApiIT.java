package city.beacon.infra.unit;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.task.Priority;
import city.beacon.api.task.RequestTaskCommand;
import city.beacon.api.task.TaskId;
import city.beacon.api.unit.RegisterUnitCommand;
import city.beacon.api.unit.UnitId;
import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.Reports;
import city.beacon.infra.support.StompProbe;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Units as liaisons and operators meet them over HTTP and on the live feed: seeded, assigned, moved, released. */
class UnitApiIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @TempDir
    static Path data;
    static BeaconNode node;
    static Http fire;
    static Http police;
    static Http operator;

    @BeforeAll
    static void start() {
        node = BeaconNode.start(data);
        fire = node.as("fire");
        police = node.as("police");
        operator = node.as("operator");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String report() {
        var created = operator.post("/api/incidents", Reports.gasLeak("Unit probe"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** Stands in for the response saga, as TaskApiIT does. */
    private static String requestTask(String incidentId, Department department) {
        var id = TaskId.random();
        var command = new RequestTaskCommand(id, new IncidentId(incidentId), department, "Stand by against ignition",
                Priority.HIGH, Instant.now().plusSeconds(600));
        node.bean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Actor.system("test").toMetaData()));
        await().atMost(WAIT).until(() -> operator.get("/api/tasks/" + id.value()).status() == 200);
        return id.value();
    }

    private static JsonNode unit(String id) {
        for (JsonNode unit : operator.get("/api/units").json()) {
            if (id.equals(unit.path("id").asText())) {
                return unit;
            }
        }
        return null;
    }

    private static JsonNode awaitUnit(String id, String status) {
        await().atMost(WAIT).until(() -> unit(id) != null && status.equals(unit(id).path("status").asText()));
        return unit(id);
    }

    private static List<String> ids(JsonNode units, String field) {
        var values = new ArrayList<String>();
        units.forEach(unit -> values.add(unit.path(field).asText()));
        return values;
    }

    private static void assertProblem(Http.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(ids(response.json().path("errors"), "field")).as(response.toString()).contains(field);
        }
    }

    private static String assign(String taskId) {
        return "{\"taskId\":\"" + taskId + "\"}";
    }

    @Test
    void theConfiguredUnitsAreListedAndALiaisonSeesOnlyTheirDepartments() {
        await().atMost(WAIT).until(() -> unit("CIVIL-V01") != null && unit("FIRE-E12") != null);
        var all = operator.get("/api/units").json();
        assertThat(ids(all, "id")).contains("GAS-R01", "FIRE-E12", "FIRE-L3", "POLICE-P07", "MED-A21", "ENV-M01");
        assertThat(ids(all, "department")).containsAll(Department.STANDARD.stream().map(Department::code).toList());
        assertThat(unit("FIRE-E12").path("name").asText()).isEqualTo("Engine 12 (消防车12)");

        assertThat(ids(fire.get("/api/units").json(), "department")).isNotEmpty().allMatch("FIRE"::equals);
        assertThat(ids(operator.get("/api/units?department=police").json(), "id"))
                .containsExactly("POLICE-P07", "POLICE-P11", "POLICE-S2");
        assertProblem(fire.get("/api/units?department=POLICE"), 403, null);
        assertProblem(operator.get("/api/units?department=fire-brigade"), 400, "department");
    }

    @Test
    void aLiaisonAssignsAUnitToTheirTaskAndItIsReleasedWhenTheTaskCompletes() throws Exception {
        var incident = report();
        var task = requestTask(incident, Department.FIRE);
        var otherTask = requestTask(incident, Department.FIRE);
        var policeTask = requestTask(incident, Department.POLICE);
        awaitUnit("FIRE-E12", "AVAILABLE");

        try (var wall = StompProbe.connect(node.baseUrl(), "operator", "operator").subscribe("/topic/units")) {
            JsonNode snapshot = wall.next(m -> "SNAPSHOT".equals(m.path("kind").asText()), WAIT);
            assertThat(ids(snapshot.path("payload"), "id")).contains("FIRE-E12", "POLICE-P07");

            assertThat(fire.post("/api/units/FIRE-E12/assign", assign(task)).status()).isEqualTo(204);
            JsonNode delta = wall.next(m -> "FIRE-E12".equals(m.path("payload").path("unit").path("id").asText()), WAIT);
            assertThat(delta.path("kind").asText()).isEqualTo("DELTA");
            assertThat(delta.path("version").asLong()).isGreaterThan(snapshot.path("version").asLong());
            assertThat(delta.path("payload").path("unit").path("status").asText()).isEqualTo("ASSIGNED");
            assertThat(delta.path("payload").path("unit").path("taskId").asText()).isEqualTo(task);
        }
        var assigned = awaitUnit("FIRE-E12", "ASSIGNED");
        assertThat(assigned.path("incidentId").asText()).isEqualTo(incident);
        assertThat(assigned.path("lastBy").asText()).isEqualTo("fire");

        assertProblem(police.post("/api/units/FIRE-E14/assign", assign(task)), 403, null);
        assertProblem(police.post("/api/units/FIRE-E12/release", null), 403, null);
        assertProblem(fire.post("/api/units/FIRE-E12/assign", assign(otherTask)), 409, null);
        assertProblem(fire.post("/api/units/FIRE-E14/assign", assign(policeTask)), 400, "taskId");
        assertProblem(fire.post("/api/units/FIRE-E14/assign", assign("no-such-task")), 400, "taskId");
        assertProblem(fire.post("/api/units/FIRE-E14/assign", "{}"), 400, "taskId");
        assertThat(fire.post("/api/units/FIRE-E12/assign", assign(task)).status()).isEqualTo(204);   // resent

        assertThat(fire.post("/api/units/FIRE-E12/status", "{\"status\":\"EN_ROUTE\",\"note\":\"left station 3\"}")
                .status()).isEqualTo(204);
        assertThat(awaitUnit("FIRE-E12", "EN_ROUTE").path("lastNote").asText()).isEqualTo("left station 3");

        assertThat(fire.post("/api/tasks/" + task + "/acknowledge", null).status()).isEqualTo(204);
        assertThat(fire.post("/api/tasks/" + task + "/complete", "{\"outcome\":\"area secured\"}").status())
                .isEqualTo(204);
        var released = awaitUnit("FIRE-E12", "AVAILABLE");
        assertThat(released.path("lastBy").asText()).isEqualTo("beacon:unit-release");
        assertThat(released.has("taskId")).isFalse();

        await().atMost(WAIT).until(() -> timelineKinds(incident).contains("UnitReleased"));
        assertThat(timelineKinds(incident)).contains("UnitAssigned");
        await().atMost(WAIT).until(() -> operator.get("/api/tasks/" + task).json().path("status").asText()
                .equals("COMPLETED"));
        assertProblem(fire.post("/api/units/FIRE-E12/assign", assign(task)), 409, null);
    }

    @Test
    void aUnitOutOfServiceCannotBeAssignedAndBadReportsAreRefused() {
        var task = requestTask(report(), Department.FIRE);
        assertProblem(fire.post("/api/units/FIRE-L3/status", "{\"status\":\"FLYING\"}"), 400, "status");
        assertProblem(fire.post("/api/units/FIRE-L3/status", "{\"status\":\"ASSIGNED\"}"), 400, "status");
        assertProblem(fire.post("/api/units/FIRE-L3/status", "{\"status\":\"ON_SCENE\"}"), 409, null);
        assertProblem(fire.post("/api/units/FIRE-NOPE/release", null), 404, null);
        assertProblem(node.as("auditor").post("/api/units/FIRE-L3/release", null), 403, null);

        assertThat(fire.post("/api/units/FIRE-L3/status", "{\"status\":\"OUT_OF_SERVICE\",\"note\":\"hydraulics\"}")
                .status()).isEqualTo(204);
        assertProblem(fire.post("/api/units/FIRE-L3/assign", assign(task)), 409, null);
        assertThat(fire.post("/api/units/FIRE-L3/status", "{\"status\":\"AVAILABLE\"}").status()).isEqualTo(204);
        assertThat(fire.post("/api/units/FIRE-L3/assign", assign(task)).status()).isEqualTo(204);
        assertThat(fire.post("/api/units/FIRE-L3/release", null).status()).isEqualTo(204);
        awaitUnit("FIRE-L3", "AVAILABLE");
    }

    @Test
    void registeringTheConfiguredUnitsAgainChangesNothing() {
        await().atMost(WAIT).until(() -> unit("CIVIL-V01") != null);
        node.bean(ConfiguredUnitsRegistrar.class).registerConfiguredUnits();   // as the next start-up, or a second node, would
        var again = new RegisterUnitCommand(new UnitId("CIVIL-V01"), Department.CIVIL_AFFAIRS, "RELIEF_SUPPLY_VAN",
                "renamed");   // the read model lagging: the Unit itself ignores it
        node.bean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(again)
                .andMetaData(Actor.system("test").toMetaData()));
        assertThat(node.bean(EventStore.class).readEvents("CIVIL-V01").asStream().count()).isEqualTo(1);
        assertThat(unit("CIVIL-V01").path("name").asText()).isEqualTo("Relief supply van 1 (救灾物资车1)");
    }

    private static List<String> timelineKinds(String incidentId) {
        return ids(operator.get("/api/incidents/" + incidentId).json().path("timeline"), "kind");
    }
}
