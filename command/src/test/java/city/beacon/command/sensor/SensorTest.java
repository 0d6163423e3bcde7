package city.beacon.command.sensor;

import city.beacon.api.common.Department;
import city.beacon.api.common.RuleViolationException;
import city.beacon.api.incident.GeoPoint;
import city.beacon.api.incident.IncidentType;
import city.beacon.api.sensor.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** The Sensor: registration is idempotent, and only state changes become events. */
class SensorTest {
    static final SensorId ID = new SensorId("GP-0101");
    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    static final SensorDefinition GAS = new SensorDefinition(SensorKind.GAS_PRESSURE, "Gas main",
            new GeoPoint(31.2336, 121.47), "Nanjing Road West 120", Department.GAS_UTILITY, "MPa",
            new ValueRange(0, 1.6), new ValueRange(0.38, 0.42), new AlarmThresholds(0.32, 0.5, null),
            IncidentType.GAS_LEAK, "Close valve V-0117", Duration.ofMinutes(10));
    static final SensorReading LOW = new SensorReading(0.22, "MPa", NOW.minusSeconds(5));

    private FixtureConfiguration<Sensor> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Sensor.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static SensorRegisteredEvent registered() {
        return new SensorRegisteredEvent(ID, GAS, NOW);
    }

    static SensorAlarmRaisedEvent raised() {
        return new SensorAlarmRaisedEvent(ID, GAS.kind(), GAS.name(), GAS.point(), GAS.address(), GAS.department(),
                GAS.incidentType(), LOW, BreachKind.LOW, 0.32, -0.45, NOW);
    }

    @Test
    void registeringTheSameDefinitionAgainChangesNothing() {
        fixture.given(registered()).when(new RegisterSensorCommand(ID, GAS)).expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aChangedDefinitionIsRecorded() {
        var moved = new SensorDefinition(GAS.kind(), GAS.name(), new GeoPoint(31.24, 121.47), GAS.address(),
                GAS.department(), GAS.unit(), GAS.physical(), GAS.normal(), GAS.alarm(), GAS.incidentType(),
                GAS.automaticAction(), GAS.silentAfter());
        fixture.given(registered()).when(new RegisterSensorCommand(ID, moved))
                .expectEvents(new SensorRedefinedEvent(ID, moved, NOW));
    }

    @Test
    void aSensorOfADepartmentThatDoesNotExistIsRefusedNamingIt() {
        var nowhere = new SensorDefinition(GAS.kind(), GAS.name(), GAS.point(), GAS.address(),
                new Department("NO_SUCH_DEPT"), GAS.unit(), GAS.physical(), GAS.normal(), GAS.alarm(),
                GAS.incidentType(), null, null);
        fixture.givenNoPriorActivity().when(new RegisterSensorCommand(ID, nowhere))
                .expectException(RuleViolationException.class).expectExceptionMessage("no department NO_SUCH_DEPT");
    }

    @Test
    void aLowThresholdInsideTheNormalBandIsRefusedByName() {
        var wrong = new SensorDefinition(GAS.kind(), GAS.name(), GAS.point(), GAS.address(), GAS.department(),
                GAS.unit(), GAS.physical(), GAS.normal(), new AlarmThresholds(0.4, null, null), GAS.incidentType(),
                null, null);
        fixture.givenNoPriorActivity().when(new RegisterSensorCommand(ID, wrong))
                .expectException(RuleViolationException.class).expectExceptionMessage(
                        "the low threshold must lie below the normal band");
    }

    @Test
    void anAlarmIsRaisedOnceWhileItLasts() {
        fixture.given(registered()).when(new RaiseSensorAlarmCommand(ID, LOW, BreachKind.LOW, 0.32, -0.45))
                .expectEvents(raised());
        fixture.given(registered(), raised()).when(new RaiseSensorAlarmCommand(ID, LOW, BreachKind.LOW, 0.32, -0.5))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void clearingASensorNotInAlarmChangesNothing() {
        var normal = new SensorReading(0.4, "MPa", NOW);
        fixture.given(registered()).when(new ClearSensorAlarmCommand(ID, normal)).expectNoEvents();
        fixture.given(registered(), raised()).when(new ClearSensorAlarmCommand(ID, normal))
                .expectEvents(new SensorAlarmClearedEvent(ID, normal, NOW));
    }

    @Test
    void oneSilenceIsReportedOnceHoweverManyWatchesNoticeIt() {
        var last = NOW.minusSeconds(900);
        fixture.given(registered()).when(new ReportSensorSilentCommand(ID, last))
                .expectEvents(new SensorWentSilentEvent(ID, last, Duration.ofMinutes(10), NOW));
        fixture.given(registered(), new SensorWentSilentEvent(ID, last, Duration.ofMinutes(10), NOW))
                .when(new ReportSensorSilentCommand(ID, last)).expectNoEvents();
    }
}
