package city.beacon.api.incident;

import city.beacon.api.board.BoardRowView;
import city.beacon.api.board.BoardTask;
import city.beacon.api.board.DepartmentQueueItem;
import city.beacon.api.common.Role;
import city.beacon.api.task.Priority;
import city.beacon.api.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LiaisonRedactionTest {
    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    private static final String CALLER = "caller-138-0000-1111";

    private static IncidentView reportedByCall() {
        var timeline = List.of(
                new TimelineEntry("e1", T0, "desk-7", "OPERATOR", "IncidentReported", "Reported GAS_LEAK: smell"),
                new TimelineEntry("e2", T0, "desk-7", "OPERATOR", "IncidentNoteAdded", "Note: shop owner " + CALLER),
                new TimelineEntry("e3", T0, "fire-1", "LIAISON", "TaskAcknowledged", "FIRE acknowledged"),
                new TimelineEntry("e4", T0, "desk-7", "OPERATOR", "IncidentConfirmed", "Confirmed"),
                new TimelineEntry("e5", T0, "beacon:alarms", "SYSTEM", "SensorAlarmLinked",
                        "Alarm of sensor " + CALLER + " linked to this incident"));
        var tasks = List.of(
                new IncidentTaskView("t1", "FIRE", "stand by", Priority.HIGH, TaskStatus.ACKNOWLEDGED, 0, T0, T0, T0,
                        "fire-1", null, null, 1),
                new IncidentTaskView("t2", "POLICE", "cordon", Priority.HIGH, TaskStatus.ACKNOWLEDGED, 0, T0, T0, T0,
                        "desk-7", null, null, 1));
        return new IncidentView("i1", "20261128-0001", IncidentType.GAS_LEAK, Severity.SEVERE, Urgency.IMMEDIATE,
                Certainty.OBSERVED, IncidentStatus.CONFIRMED, new Location(new GeoPoint(31.2, 121.4), "Road 1", null),
                "smell", new IncidentSource(SourceKind.CALL, CALLER), false, "desk-7", T0, T0, null, null, null,
                false, tasks, timeline, 5);
    }

    @Test
    void aLiaisonSeesNeitherReporterNorSourceNorNotesAnywhereInTheIncident() {
        var redacted = LiaisonRedaction.forReader(Role.LIAISON, reportedByCall());

        assertThat(redacted.reportedBy()).isNull();
        assertThat(redacted.source().kind()).isEqualTo(SourceKind.CALL);
        assertThat(redacted.source().reference()).isNull();
        assertThat(redacted.timeline().get(0).actorId()).isNull();
        assertThat(redacted.timeline().get(1).text()).isEqualTo(LiaisonRedaction.INTERNAL_NOTE);
        assertThat(redacted.timeline().get(4).text()).contains(LiaisonRedaction.WITHHELD);
        assertThat(redacted.toString()).doesNotContain("desk-7").doesNotContain(CALLER).doesNotContain("shop owner");
    }

    @Test
    void aLiaisonStillSeesWhatDepartmentsDid() {
        var redacted = LiaisonRedaction.forLiaison(reportedByCall());

        assertThat(redacted.timeline().get(2).actorId()).isEqualTo("fire-1");
        assertThat(redacted.tasks().get(0).acknowledgedBy()).isEqualTo("fire-1");
        assertThat(redacted.summary()).isEqualTo("smell");
        assertThat(redacted.timeline()).hasSize(5);
    }

    @Test
    void everyOtherRoleSeesTheIncidentAsRecorded() {
        var incident = reportedByCall();
        for (var role : List.of(Role.OPERATOR, Role.AUDITOR, Role.ADMIN)) {
            assertThat(LiaisonRedaction.forReader(role, incident)).isEqualTo(incident);
        }
    }

    /** Board rows, search results and queue items reach liaisons unredacted: they must not grow restricted fields. */
    @Test
    void listViewsCarryNoRestrictedField() {
        var restricted = Set.of("source", "reportedBy", "reporter", "notes", "timeline", "actorId");
        for (var type : List.of(BoardRowView.class, BoardTask.class, DepartmentQueueItem.class)) {
            var components = Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
            assertThat(components).as(type.getSimpleName()).doesNotContainAnyElementsOf(restricted);
        }
        var row = BoardRowView.of(reportedByCall(), T0);
        assertThat(row.toString()).doesNotContain("desk-7").doesNotContain(CALLER);
        var item = DepartmentQueueItem.of(reportedByCall(), reportedByCall().tasks().get(0), T0);
        assertThat(item.toString()).doesNotContain("desk-7").doesNotContain(CALLER);
    }
}
