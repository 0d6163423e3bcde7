package city.beacon.infra.task;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.task.Priority;
import city.beacon.api.task.RequestTaskCommand;
import city.beacon.api.task.TaskId;
import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
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

/** Task queues and task actions as liaisons, operators and departments' own systems meet them over HTTP. */
class TaskApiIT {
    static final String UNKNOWN = "00000000-0000-0000-0000-000000000000";
    @TempDir
    static Path data;
    static BeaconNode node;
    static Http fire;
    static Http operator;

    @BeforeAll
    static void start() {
        node = BeaconNode.start(data);
        fire = node.as("fire");
        operator = node.as("operator");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** Stands in for the response saga, which lives on another branch. */
    private static String requestTask(Department department, Priority priority) {
        var id = TaskId.random();
        var command = new RequestTaskCommand(id, IncidentId.random(), department, "Stand by against ignition",
                priority, Instant.now().plusSeconds(600));
        node.bean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Actor.system("test").toMetaData()));
        awaitStatus(id.value(), "REQUESTED");
        return id.value();
    }

    private static JsonNode awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> status.equals(operator.get("/api/tasks/" + id).json().path("status").asText()));
        return operator.get("/api/tasks/" + id).json();
    }

    private static List<? extends DomainEventMessage<?>> events(String id) {
        return node.bean(EventStore.class).readEvents(id).asStream().toList();
    }

    private static DepartmentSystemClient system(String apiKey) {
        return new DepartmentSystemClient(node.baseUrl(), apiKey);
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

    @Test
    void aLiaisonAcknowledgesTheirDepartmentsTaskOnceHoweverOftenTheyClick() {
        var id = requestTask(Department.FIRE, Priority.HIGH);
        assertThat(fire.post("/api/tasks/" + id + "/acknowledge", null).status()).isEqualTo(204);
        assertThat(fire.post("/api/tasks/" + id + "/acknowledge", null).status()).isEqualTo(204);

        var view = awaitStatus(id, "ACKNOWLEDGED");
        assertThat(view.path("acknowledgedBy").asText()).isEqualTo("fire");
        assertThat(view.path("department").asText()).isEqualTo("FIRE");
        assertThat(events(id)).hasSize(2);
        assertThat(events(id).get(1).getMetaData()).containsEntry("actorId", "fire")
                .containsEntry("actorRole", "LIAISON").containsEntry("actorDepartment", "FIRE");
    }

    @Test
    void otherDepartmentsAndAuditorsMayNotAct() {
        var id = requestTask(Department.FIRE, Priority.HIGH);
        assertProblem(node.as("police").post("/api/tasks/" + id + "/acknowledge", null), 403, null);
        assertProblem(node.as("auditor").post("/api/tasks/" + id + "/acknowledge", null), 403, null);
        assertProblem(node.as("police").get("/api/tasks/" + id), 403, null);
        assertThat(events(id)).hasSize(1);
    }

    @Test
    void anOperatorActsOnTheDepartmentsBehalfAndIsRecorded() {
        var id = requestTask(Department.POLICE, Priority.NORMAL);
        assertThat(operator.post("/api/tasks/" + id + "/acknowledge", null).status()).isEqualTo(204);
        assertThat(awaitStatus(id, "ACKNOWLEDGED").path("acknowledgedBy").asText()).isEqualTo("operator");
    }

    @Test
    void aTaskRunsItsCourse() {
        var id = requestTask(Department.FIRE, Priority.CRITICAL);
        assertThat(fire.post("/api/tasks/" + id + "/acknowledge", null).status()).isEqualTo(204);
        assertThat(fire.post("/api/tasks/" + id + "/progress", "{\"status\":\"EN_ROUTE\",\"note\":\"engine 7 left\"}")
                .status()).isEqualTo(204);
        assertThat(fire.post("/api/tasks/" + id + "/progress", "{\"status\":\"ON_SCENE\"}").status()).isEqualTo(204);
        assertThat(fire.post("/api/tasks/" + id + "/complete", "{\"outcome\":\"area secured\"}").status())
                .isEqualTo(204);
        var done = awaitStatus(id, "COMPLETED");
        assertThat(done.path("outcome").asText()).isEqualTo("area secured");
        assertThat(done.path("lastNote").asText()).isEqualTo("engine 7 left");
    }

    @Test
    void badInputIsRefusedFieldByField() {
        var id = requestTask(Department.FIRE, Priority.HIGH);
        assertProblem(fire.post("/api/tasks/" + id + "/decline", "{}"), 400, "reason");
        assertProblem(fire.post("/api/tasks/" + id + "/decline", "{\"reason\":\"" + "r".repeat(501) + "\"}"), 400,
                "reason");
        assertProblem(fire.post("/api/tasks/" + id + "/progress", "{\"status\":\"COMPLETED\"}"), 400, "status");
        assertProblem(fire.post("/api/tasks/" + id + "/progress", "{}"), 400, "status");
        assertProblem(fire.post("/api/tasks/" + id + "/complete", "{\"outcome\":\" \"}"), 400, "outcome");
        assertProblem(operator.get("/api/tasks?department=fire-brigade"), 400, "department");
        assertProblem(operator.get("/api/tasks?status=SLEEPING"), 400, "status");
        assertThat(fire.post("/api/tasks/" + id + "/decline", "{\"reason\":\"no engine free\"}").status())
                .isEqualTo(204);
        assertThat(awaitStatus(id, "DECLINED").path("declineReason").asText()).isEqualTo("no engine free");
    }

    @Test
    void anInvalidTransitionIsAConflictThatNamesTheState() {
        var id = requestTask(Department.FIRE, Priority.HIGH);
        var response = fire.post("/api/tasks/" + id + "/complete", "{\"outcome\":\"done\"}");
        assertProblem(response, 409, null);
        assertThat(response.json().path("currentState").asText()).isEqualTo("REQUESTED");
    }

    @Test
    void aLiaisonSeesOnlyTheirDepartmentsQueue() {
        var fireTask = requestTask(Department.FIRE, Priority.LOW);
        var policeTask = requestTask(Department.POLICE, Priority.LOW);

        var queue = fire.get("/api/tasks");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.json().findValuesAsText("department")).containsOnly("FIRE");
        assertThat(queue.json().findValuesAsText("id")).contains(fireTask).doesNotContain(policeTask);
        assertThat(fire.get("/api/tasks?department=FIRE").json().findValuesAsText("id")).contains(fireTask);
        assertProblem(fire.get("/api/tasks?department=POLICE"), 403, null);

        assertThat(operator.get("/api/tasks?department=POLICE").json().findValuesAsText("department"))
                .containsOnly("POLICE");
        assertThat(node.as("auditor").get("/api/tasks").json().findValuesAsText("id"))
                .contains(fireTask, policeTask);
        assertThat(operator.get("/api/tasks?status=REQUESTED").json().findValuesAsText("status"))
                .containsOnly("REQUESTED");
    }

    @Test
    void aDepartmentSystemCallsBackWithItsKeyAndIsRecordedAsItself() {
        var id = requestTask(Department.FIRE, Priority.HIGH);
        var path = "/api/departments/fire/tasks/" + id;
        assertThat(system("demo-fire-key").post(path + "/acknowledge", null).status()).isEqualTo(204);
        assertThat(system("demo-fire-key").post(path + "/progress", "{\"status\":\"ON_SCENE\"}").status())
                .isEqualTo(204);
        assertThat(awaitStatus(id, "ON_SCENE").path("acknowledgedBy").asText()).isEqualTo("system:FIRE");
        assertThat(events(id).get(1).getMetaData()).containsEntry("actorId", "system:FIRE")
                .containsEntry("actorRole", "SYSTEM").containsEntry("actorDepartment", "FIRE");
    }

    @Test
    void aDepartmentCodeWithAnUnderscoreFindsItsKey() {
        var id = requestTask(Department.GAS_UTILITY, Priority.CRITICAL);
        assertThat(system("demo-gas_utility-key")
                .post("/api/departments/GAS_UTILITY/tasks/" + id + "/acknowledge", null).status()).isEqualTo(204);
        assertThat(awaitStatus(id, "ACKNOWLEDGED").path("acknowledgedBy").asText()).isEqualTo("system:GAS_UTILITY");
    }

    @Test
    void aDepartmentSystemNeedsItsOwnKeyForItsOwnTasks() {
        var id = requestTask(Department.FIRE, Priority.HIGH);
        var policeTask = requestTask(Department.POLICE, Priority.HIGH);
        var path = "/api/departments/fire/tasks/" + id + "/acknowledge";
        assertProblem(system("wrong-key").post(path, null), 401, null);
        assertProblem(system(null).post(path, null), 401, null);
        assertProblem(system("demo-police-key").post(path, null), 403, null);
        assertProblem(system("demo-fire-key").post("/api/departments/fire/tasks/" + policeTask + "/acknowledge",
                null), 403, null);
        assertProblem(system("demo-fire-key").post("/api/departments/fire/tasks/" + id + "/decline", "{}"), 400,
                "reason");
        assertProblem(new Http(node.baseUrl(), "fire", "fire").post(path, null), 401, null);
        assertThat(events(id)).hasSize(1);
    }

    @Test
    void unknownTasksAreNotFound() {
        assertProblem(fire.get("/api/tasks/" + UNKNOWN), 404, null);
        assertProblem(fire.post("/api/tasks/" + UNKNOWN + "/acknowledge", null), 404, null);
        assertProblem(system("demo-fire-key").post("/api/departments/fire/tasks/" + UNKNOWN + "/acknowledge", null),
                404, null);
    }
}
