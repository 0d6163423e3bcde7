package city.beacon.saga.unit;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.task.TaskCancelledEvent;
import city.beacon.api.task.TaskCompletedEvent;
import city.beacon.api.task.TaskDeclinedEvent;
import city.beacon.api.task.TaskId;
import city.beacon.api.unit.ReleaseUnitCommand;
import city.beacon.api.unit.UnitAssignedEvent;
import city.beacon.api.unit.UnitId;
import city.beacon.api.unit.UnitReleasedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class UnitReleaseSagaTest {
    static final TaskId TASK = new TaskId("task-1");
    static final IncidentId INCIDENT = new IncidentId("incident-1");
    static final UnitId ENGINE = new UnitId("FIRE-E12");
    static final UnitId LADDER = new UnitId("FIRE-L3");
    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

    private SagaTestFixture<UnitReleaseSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(UnitReleaseSaga.class);
    }

    static UnitAssignedEvent assigned(UnitId unit) {
        return new UnitAssignedEvent(unit, Department.FIRE, unit.value(), TASK, INCIDENT, "fire", NOW);
    }

    static UnitReleasedEvent released(UnitId unit) {
        return new UnitReleasedEvent(unit, Department.FIRE, unit.value(), TASK, INCIDENT, "fire", NOW);
    }

    @Test
    void aCompletedTaskReleasesTheUnitsStillServingIt() {
        fixture.givenAggregate(ENGINE.value()).published(assigned(ENGINE))
                .andThenAggregate(LADDER.value()).published(assigned(LADDER), released(LADDER))
                .whenAggregate(TASK.value()).publishes(new TaskCompletedEvent(TASK, INCIDENT, Department.FIRE, "done",
                        "fire", NOW))
                .expectDispatchedCommands(new ReleaseUnitCommand(ENGINE, TASK, UnitReleaseSaga.ACTOR))
                .expectActiveSagas(0);
    }

    @Test
    void aCancelledOrDeclinedTaskReleasesItsUnitsToo() {
        fixture.givenAggregate(ENGINE.value()).published(assigned(ENGINE))
                .whenAggregate(TASK.value()).publishes(new TaskCancelledEvent(TASK, INCIDENT, Department.FIRE, "closed", NOW))
                .expectDispatchedCommands(new ReleaseUnitCommand(ENGINE, TASK, UnitReleaseSaga.ACTOR))
                .expectActiveSagas(0);
        var declined = new SagaTestFixture<>(UnitReleaseSaga.class);
        declined.givenAggregate(ENGINE.value()).published(assigned(ENGINE))
                .whenAggregate(TASK.value()).publishes(new TaskDeclinedEvent(TASK, INCIDENT, Department.FIRE, "fire",
                        "no crew", NOW))
                .expectDispatchedCommands(new ReleaseUnitCommand(ENGINE, TASK, UnitReleaseSaga.ACTOR));
    }

    @Test
    void aTaskThatNeverHadUnitsStartsNothing() {
        fixture.givenNoPriorActivity()
                .whenAggregate(TASK.value()).publishes(new TaskCompletedEvent(TASK, INCIDENT, Department.FIRE, "done",
                        "fire", NOW))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void whileTheTaskRunsTheSagaOnlyListens() {
        fixture.givenAggregate(ENGINE.value()).published(assigned(ENGINE))
                .whenAggregate(LADDER.value()).publishes(assigned(LADDER))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void theSagaSurvivesJacksonSerialization() {
        var saga = new UnitReleaseSaga();
        saga.on(assigned(ENGINE));
        saga.on(assigned(LADDER));
        var serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();
        var serialized = serializer.serialize(saga, String.class);
        UnitReleaseSaga copy = serializer.deserialize(new SimpleSerializedObject<>(serialized.getData(), String.class,
                serialized.getType()));
        assertThat(serializer.serialize(copy, String.class).getData()).isEqualTo(serialized.getData())
                .contains("FIRE-E12", "FIRE-L3", "task-1");
    }
}
