package city.beacon.infra.department;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.common.Role;
import city.beacon.api.task.NoticeKind;
import city.beacon.api.task.RecordTaskNotificationDeliveredCommand;
import city.beacon.api.task.RecordTaskNotificationFailedCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Outcomes become task commands sent by Beacon itself (the Task aggregate that handles them lives elsewhere). */
class CommandNotificationOutcomesTest {
    private final List<CommandMessage<?>> sent = new CopyOnWriteArrayList<>();
    private final CommandNotificationOutcomes outcomes = new CommandNotificationOutcomes(recordingGateway());

    @Test
    void aDeliveryIsRecordedOnTheTaskAsTheNotifier() {
        var notice = Notices.newTask(Department.FIRE);

        outcomes.delivered(notice, "https://fire.example/hook", 2);

        assertThat(sent).singleElement().satisfies(message -> {
            assertThat(message.getPayload()).isEqualTo(new RecordTaskNotificationDeliveredCommand(notice.taskId(),
                    NoticeKind.NEW_TASK, "https://fire.example/hook", 2));
            assertThat(Actor.fromMetaData(message.getMetaData())).isEqualTo(Actor.system("department-notifier"));
        });
    }

    @Test
    void aFailureIsRecordedWithAttemptsAndReasonAsTheNotifier() {
        var notice = Notices.notice(NoticeKind.SUPERVISOR_ALERT, Department.GAS_UTILITY);

        outcomes.failed(notice, "https://gas.example/duty", 4, "HTTP 503");

        assertThat(sent).singleElement().satisfies(message -> {
            assertThat(message.getPayload()).isEqualTo(new RecordTaskNotificationFailedCommand(notice.taskId(),
                    NoticeKind.SUPERVISOR_ALERT, "https://gas.example/duty", 4, "HTTP 503"));
            Actor actor = Actor.fromMetaData(message.getMetaData());
            assertThat(actor.role()).isEqualTo(Role.SYSTEM);
            assertThat(actor.department()).as("Beacon acts for no department").isNull();
        });
    }

    private DefaultCommandGateway recordingGateway() {
        var bus = SimpleCommandBus.builder().build();
        for (var command : List.of(RecordTaskNotificationDeliveredCommand.class,
                RecordTaskNotificationFailedCommand.class)) {
            bus.subscribe(command.getName(), message -> {
                sent.add(message);
                return null;
            });
        }
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }
}
