package city.beacon.infra.audit;

import city.beacon.web.audit.AfterActionHtml;
import city.beacon.web.audit.AuditExports;
import city.beacon.api.audit.AuditEvent;
import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.common.Role;
import city.beacon.api.incident.*;
import city.beacon.api.task.Priority;
import city.beacon.api.task.TaskAcknowledgedEvent;
import city.beacon.api.task.TaskId;
import city.beacon.api.task.TaskRequestedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An incident's history exported and read back, and the difference between two instants as readable lines. */
class IncidentExportAndDiffTest {
    private static final IncidentId INCIDENT = new IncidentId("incident-7");
    private static final TaskId TASK = new TaskId("incident-7-task-3");
    private static final Instant T0 = Instant.parse("2030-01-01T14:00:00Z");
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @TempDir
    Path data;
    AuditStore store;

    @BeforeEach
    void storeHistory() {
        store = new AuditStore(data, 5);
        var operator = new Actor("operator-1", Role.OPERATOR, null);
        var fire = new Actor("fire-1", Role.LIAISON, Department.FIRE);
        var location = new Location(new GeoPoint(31.23, 121.47), "Nanjing Road 1, \"east\" gate", null);
        append("Incident", INCIDENT.value(), 0, new IncidentReportedEvent(INCIDENT,
                new IncidentNumber("20300101-0007"), IncidentType.GAS_LEAK, Severity.SEVERE, Urgency.IMMEDIATE,
                Certainty.LIKELY, location, "Gas smell, line 1\nline 2", IncidentSource.operator("operator-1"),
                true, T0), operator, T0);
        append("Incident", INCIDENT.value(), 1, new IncidentConfirmedEvent(INCIDENT, T0.plusSeconds(60)), operator,
                T0.plusSeconds(60));
        append("Task", TASK.value(), 0, new TaskRequestedEvent(TASK, INCIDENT, Department.FIRE, "stand by",
                Priority.HIGH, T0.plusSeconds(600), T0.plusSeconds(61)), Actor.system("response"), T0.plusSeconds(61));
        append("Task", TASK.value(), 1, new TaskAcknowledgedEvent(TASK, INCIDENT, Department.FIRE, "fire-1",
                T0.plusSeconds(131)), fire, T0.plusSeconds(131));
        store.index();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void append(String type, String id, long seq, Object payload, Actor actor, Instant at) {
        Map<String, Object> metaData = new HashMap<>(actor.toMetaData());
        metaData.put("correlationId", "root-1");
        metaData.put("causationId", UUID.randomUUID().toString());
        store.append(new GenericDomainEventMessage<>(type, id, seq, payload, metaData, UUID.randomUUID().toString(), at));
    }

    private List<AuditEvent> history() {
        return store.search.incident(INCIDENT.value(), new AuditSearch.Filter(null, null, null, null, null), 0, 1000)
                .events();
    }

    @Test
    void jsonLinesReadBackIntoTheSameEvents() throws Exception {
        List<AuditEvent> events = history();
        assertThat(events).hasSize(4);
        String file = AuditExports.jsonLines(events, JSON);
        assertThat(file.lines()).hasSize(4);
        List<AuditEvent> read = AuditExports.readJsonLines(file, JSON);
        assertThat(read).hasSize(4);
        for (int i = 0; i < events.size(); i++) {
            assertThat((Object) JSON.valueToTree(read.get(i))).isEqualTo(JSON.valueToTree(events.get(i)));
        }
        assertThat(read.get(3).actor().department()).isEqualTo("FIRE");
    }

    @Test
    void csvReadsBackIntoTheSameEventsQuotesAndNewlinesIncluded() throws Exception {
        List<AuditEvent> events = history();
        String file = AuditExports.csv(events, JSON);
        assertThat(file).startsWith("position,eventId,time,type,");
        List<AuditEvent> read = AuditExports.readCsv(file, JSON);
        assertThat(read).hasSize(4);
        for (int i = 0; i < events.size(); i++) {
            assertThat((Object) JSON.valueToTree(read.get(i))).isEqualTo(JSON.valueToTree(events.get(i)));
        }
        assertThat(read.get(0).payload().toString()).contains("\\\"east\\\" gate").contains("line 1\\nline 2");
    }

    @Test
    void theDiffBetweenTwoInstantsReadsAsTheIncidentTimeline() {
        var diffs = new IncidentDiffs(store.timeTravel);
        var diff = diffs.between(INCIDENT.value(), T0.plusSeconds(30), T0.plusSeconds(200));
        assertThat(diff.lines()).hasSize(3);
        assertThat(diff.lines().get(0)).isEqualTo("14:01:00 Confirmed (operator operator-1)");
        assertThat(diff.lines().get(1)).startsWith("14:01:01 Task for FIRE (HIGH): stand by")
                .endsWith("(system beacon:response)");
        assertThat(diff.lines().get(2)).isEqualTo("14:02:11 FIRE acknowledged (liaison fire-1)");
        assertThat(diff.changes()).containsExactly("status REPORTED → CONFIRMED", "task 1 (FIRE) requested, now ACKNOWLEDGED");

        var nothing = diffs.between(INCIDENT.value(), T0.plusSeconds(140), T0.plusSeconds(300));
        assertThat(nothing.lines()).isEmpty();
        assertThat(nothing.changes()).isEmpty();

        var fromBefore = diffs.between(INCIDENT.value(), T0.minusSeconds(1), T0.plusSeconds(1));
        assertThat(fromBefore.lines()).hasSize(1);
        assertThat(fromBefore.lines().get(0)).startsWith("14:00:00 Reported GAS_LEAK (SEVERE) [DRILL]");
        assertThat(fromBefore.changes()).containsExactly("incident 20300101-0007 reported");
    }

    @Test
    void theAfterActionReportTimesEachDepartmentAgainstItsDeadlineAndNamesWhoDecided() {
        var clock = java.time.Clock.fixed(T0.plusSeconds(3600), java.time.ZoneOffset.UTC);
        var report = new AfterActionReports(store.timeTravel, store.incidents, clock).of(INCIDENT.value()).orElseThrow();
        assertThat(report.drill()).isTrue();
        assertThat(report.departments()).hasSize(1);
        var fire = report.departments().get(0);
        assertThat(fire.department()).isEqualTo("FIRE");
        assertThat(fire.acknowledgeBy()).isEqualTo(T0.plusSeconds(600));
        assertThat(fire.acknowledgedInSeconds()).isEqualTo(70);
        assertThat(fire.onTime()).isTrue();
        assertThat(fire.onSceneAt()).isNull();
        assertThat(report.decisions()).extracting(d -> d.actor())
                .containsExactly("operator-1", "operator-1", "fire-1");   // the system's task request is no decision
        assertThat(report.escalations()).isEmpty();
        assertThat(report.timeline()).hasSize(4);

        String html = AfterActionHtml.of(report);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("DRILL").contains("70 s").contains("FIRE acknowledged")
                .doesNotContain("<script");
    }
}
