package city.beacon.infra.deadline;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.task.*;
import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Reports;
import city.beacon.saga.notify.TaskNotice;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An acknowledgment deadline outlives the node that scheduled it: scheduled through the real saga and the JobRunr
 * wiring, the node stops before it is due, a new node on the same data fires it. The acknowledged task's deadline,
 * cancelled before the stop, never fires. The tasks are announced as the Task aggregate would announce them, so the
 * test holds with or without that aggregate (escalations are watched as dispatched commands).
 */
class DeadlinesSurviveRestartIT {
    static final TaskId OVERDUE = new TaskId("probe-overdue");
    static final TaskId ACKNOWLEDGED = new TaskId("probe-acknowledged");
    /**
     * How far ahead the deadline lies: room to schedule it and stop the node before it is due, even on a machine
     * shared by several builds. JobRunr fires by the wall clock, so the test works with it, not with a test clock.
     */
    static final Duration LEAD = Duration.ofSeconds(25);

    @Test
    void aPendingDeadlineFiresAfterARestartAndACancelledOneNever(@TempDir Path data) {
        Instant due;
        try (var node = BeaconNode.start(data, DeadlineProbe.ENABLED)) {
            var created = node.as("operator").post("/api/incidents", Reports.gasLeak("Gas main pressure drop"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            var incident = new IncidentId(created.json().get("id").asText());

            var now = Instant.now();
            due = now.plus(LEAD);
            var events = node.bean(EventGateway.class);
            events.publish(
                    new TaskRequestedEvent(OVERDUE, incident, Department.FIRE, "Stand by against ignition",
                            Priority.CRITICAL, due, now),
                    new TaskRequestedEvent(ACKNOWLEDGED, incident, Department.POLICE, "Cordon 200 m and evacuate",
                            Priority.CRITICAL, due, now));
            events.publish(new TaskAcknowledgedEvent(ACKNOWLEDGED, incident, Department.POLICE, "police", now));

            var notices = node.bean(DeadlineProbe.Notices.class);
            var jobs = node.bean(StorageProvider.class);
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    notices.received.stream().map(TaskNotice::taskId).toList().containsAll(
                            java.util.List.of(OVERDUE, ACKNOWLEDGED))
                            && jobs.countJobs(StateName.SCHEDULED) == 1 && jobs.countJobs(StateName.DELETED) == 1);
            assertThat(node.bean(DeadlineProbe.DispatchedCommands.class).ofType(EscalateTaskCommand.class)).isEmpty();
        }
        assertThat(Instant.now()).as("the node stopped before the deadline was due").isBefore(due);

        try (var node = BeaconNode.start(data, DeadlineProbe.ENABLED)) {
            var commands = node.bean(DeadlineProbe.DispatchedCommands.class);
            // When due (which may have passed while this node started), plus JobRunr's polling and a loaded
            // machine's slack.
            var untilDue = Duration.between(Instant.now(), due);
            var escalatedWithin = (untilDue.isNegative() ? Duration.ZERO : untilDue).plusSeconds(60);
            await().atMost(escalatedWithin).until(() -> !commands.ofType(EscalateTaskCommand.class).isEmpty());
            assertThat(Instant.now()).as("never escalated before the deadline").isAfterOrEqualTo(due);

            var escalation = commands.ofType(EscalateTaskCommand.class).get(0);
            var payload = (EscalateTaskCommand) escalation.getPayload();
            assertThat(payload.taskId()).isEqualTo(OVERDUE);
            assertThat(payload.level()).isEqualTo(1);
            assertThat(payload.step()).isEqualTo(EscalationStep.RENOTIFY);
            assertThat(payload.nextDeadline()).isAfter(due);   // FIRE's chain has more levels
            assertThat(Actor.fromMetaData(escalation.getMetaData())).isEqualTo(Actor.system("incident-response"));
            assertThat(commands.ofType(EscalateTaskCommand.class))
                    .extracting(command -> ((EscalateTaskCommand) command.getPayload()).taskId())
                    .doesNotContain(ACKNOWLEDGED);
        }
    }
}
