package city.beacon.infra.department;

import city.beacon.api.common.Actor;
import city.beacon.api.task.RecordTaskNotificationDeliveredCommand;
import city.beacon.api.task.RecordTaskNotificationFailedCommand;
import city.beacon.saga.notify.TaskNotice;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records delivery outcomes on the task, as Beacon itself: the Task aggregate turns them into events. */
public class CommandNotificationOutcomes implements NotificationOutcomes {
    static final Actor NOTIFIER = Actor.system("department-notifier");
    private static final Logger log = LoggerFactory.getLogger(CommandNotificationOutcomes.class);

    private final CommandGateway commands;

    public CommandNotificationOutcomes(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void delivered(TaskNotice notice, String recipient, int attempts) {
        send(new RecordTaskNotificationDeliveredCommand(notice.taskId(), notice.kind(), recipient, attempts));
    }

    @Override
    public void failed(TaskNotice notice, String recipient, int attempts, String reason) {
        send(new RecordTaskNotificationFailedCommand(notice.taskId(), notice.kind(), recipient, attempts, reason));
    }

    private void send(Object command) {
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(NOTIFIER.toMetaData());
        commands.send(message).whenComplete((result, failure) -> {
            if (failure != null) {
                // Nothing to retry into: the delivery itself is over. The log keeps what the audit trail lacks.
                log.warn("could not record notification outcome {}: {}", command, failure.toString());
            }
        });
    }
}
