package city.beacon.saga.unit;

import city.beacon.api.common.Actor;
import city.beacon.api.task.TaskCancelledEvent;
import city.beacon.api.task.TaskCompletedEvent;
import city.beacon.api.task.TaskDeclinedEvent;
import city.beacon.api.task.TaskId;
import city.beacon.api.unit.ReleaseUnitCommand;
import city.beacon.api.unit.UnitAssignedEvent;
import city.beacon.api.unit.UnitId;
import city.beacon.api.unit.UnitReleasedEvent;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.TreeSet;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;

/**
 * Frees a task's units when the task ends (completed, declined or cancelled), so an engine is not left ASSIGNED to
 * finished work. One saga per task with units, started by the first assignment; it remembers which units still
 * serve the task and releases exactly those, naming the task, so a unit re-assigned in between keeps its new task.
 */
@Saga
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public class UnitReleaseSaga {
    static final String TASK = "taskId";
    static final Actor ACTOR = Actor.system("unit-release");
    private static final Logger LOG = LoggerFactory.getLogger(UnitReleaseSaga.class);

    private TaskId taskId;
    private TreeSet<String> units = new TreeSet<>();

    @StartSaga
    @SagaEventHandler(associationProperty = TASK)
    void on(UnitAssignedEvent e) {
        taskId = e.taskId();
        units.add(e.unitId().value());
    }

    @SagaEventHandler(associationProperty = TASK)
    void on(UnitReleasedEvent e) {
        units.remove(e.unitId().value());
    }

    @SagaEventHandler(associationProperty = TASK)
    void on(TaskCompletedEvent e, CommandGateway commands) {
        releaseAll(commands);
    }

    @SagaEventHandler(associationProperty = TASK)
    void on(TaskDeclinedEvent e, CommandGateway commands) {
        releaseAll(commands);
    }

    @SagaEventHandler(associationProperty = TASK)
    void on(TaskCancelledEvent e, CommandGateway commands) {
        releaseAll(commands);
    }

    /** Releasing is idempotent in the Unit, so a redelivered task end does no harm. */
    private void releaseAll(CommandGateway commands) {
        for (var unit : units) {
            var command = new ReleaseUnitCommand(new UnitId(unit), taskId, ACTOR);
            commands.send(GenericCommandMessage.asCommandMessage(command).andMetaData(ACTOR.toMetaData()))
                    .whenComplete((result, failure) -> {
                        if (failure != null) {
                            LOG.warn("could not release unit {} from ended task {}: {}", unit, taskId, failure.toString());
                        }
                    });
        }
        finish();
    }

    private void finish() {
        SagaLifecycle.end();
    }
}
