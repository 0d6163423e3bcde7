package city.beacon.web.task;

import city.beacon.api.common.Actor;
import city.beacon.api.task.*;
import city.beacon.web.messaging.Commands;
import org.springframework.stereotype.Component;

/**
 * The four things a department does with a task, whoever speaks for it: a liaison in the console, an operator
 * taking a phone call, or the department's own system calling back. The aggregate decides who may.
 */
@Component
public class TaskActions {
    private final Commands commands;

    public TaskActions(Commands commands) {
        this.commands = commands;
    }

    void acknowledge(String taskId, Actor by) {
        commands.send(new AcknowledgeTaskCommand(new TaskId(taskId), by), by);
    }

    void decline(String taskId, DeclineRequest request, Actor by) {
        commands.send(new DeclineTaskCommand(new TaskId(taskId), by, request.reason()), by);
    }

    void progress(String taskId, ProgressRequest request, Actor by) {
        commands.send(new ReportTaskProgressCommand(new TaskId(taskId), by, request.status().toTaskStatus(),
                request.note()), by);
    }

    void complete(String taskId, CompleteRequest request, Actor by) {
        commands.send(new CompleteTaskCommand(new TaskId(taskId), by, request.outcome()), by);
    }
}
