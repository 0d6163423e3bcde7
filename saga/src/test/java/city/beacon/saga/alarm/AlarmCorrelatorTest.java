package city.beacon.saga.alarm;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.incident.*;
import city.beacon.api.sensor.*;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Alarm correlation: which alarms open an incident and which join one. */
class AlarmCorrelatorTest {
    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    static final GeoPoint LEAK = new GeoPoint(31.2336, 121.4700);
    private final List<CommandMessage<?>> sent = new ArrayList<>();
    private final Map<IncidentId, OpenAlarmIncident> store = new LinkedHashMap<>();
    /** The incidents whose report reached the event store. */
    private final Set<IncidentId> stored = new HashSet<>();
    private AlarmCorrelator correlator;

    @BeforeEach
    void setUp() {
        var bus = SimpleCommandBus.builder().build();
        for (var type : List.of(ReportIncidentCommand.class, AddIncidentNoteCommand.class, LinkSensorAlarmCommand.class)) {
            bus.subscribe(type.getName(), message -> {
                sent.add(message);
                if (message.getPayload() instanceof ReportIncidentCommand report) {
                    stored.add(report.incidentId());
                }
                return null;
            });
        }
        var open = new OpenAlarmIncidents() {
            public List<OpenAlarmIncident> all() {
                return List.copyOf(store.values());
            }

            public void save(OpenAlarmIncident incident) {
                store.put(incident.incidentId(), incident);
            }

            public void remove(IncidentId incidentId) {
                store.remove(incidentId);
            }
        };
        correlator = new AlarmCorrelator(DefaultCommandGateway.builder().commandBus(bus).build(), open,
                new CorrelationSettings(500, Duration.ofMinutes(30), 200), stored::contains);
    }

    static SensorAlarmRaisedEvent alarm(String sensor, GeoPoint where, double value, Instant at) {
        return new SensorAlarmRaisedEvent(new SensorId(sensor), SensorKind.GAS_PRESSURE, "Gas main " + sensor, where,
                "Nanjing Road West 120", Department.GAS_UTILITY, IncidentType.GAS_LEAK,
                new SensorReading(value, "MPa", at), BreachKind.LOW, 0.32, (value - 0.40) / 0.40, at);
    }

    private List<Object> payloads(Class<?> type) {
        return sent.stream().map(CommandMessage::getPayload).filter(type::isInstance).map(p -> (Object) p).toList();
    }

    @Test
    void theFirstAlarmReportsAnIncidentFromTheSensorWithSeverityFromItsDeviation() {
        correlator.on(alarm("GP-0101", LEAK, 0.22, T0));
        var report = (ReportIncidentCommand) payloads(ReportIncidentCommand.class).get(0);
        assertThat(report.type()).isEqualTo(IncidentType.GAS_LEAK);
        assertThat(report.severity()).isEqualTo(Severity.SEVERE);   // 45 % below
        assertThat(report.source()).isEqualTo(new IncidentSource(SourceKind.SENSOR, "GP-0101"));
        assertThat(report.location().area().radiusMeters()).isEqualTo(200.0);
        assertThat(Actor.fromMetaData(sent.get(0).getMetaData())).isEqualTo(Actor.system("alarm-correlation"));
        assertThat(payloads(LinkSensorAlarmCommand.class)).containsExactly(
                new LinkSensorAlarmCommand(new SensorId("GP-0101"), report.incidentId()));
    }

    @Test
    void severityFollowsTheDeviationTable() {
        assertThat(DeviationSeverity.of(-0.65)).isEqualTo(Severity.EXTREME);
        assertThat(DeviationSeverity.of(-0.40)).isEqualTo(Severity.SEVERE);
        assertThat(DeviationSeverity.of(0.25)).isEqualTo(Severity.MODERATE);
        assertThat(DeviationSeverity.of(-0.1)).isEqualTo(Severity.MINOR);
    }

    @Test
    void nearbyAlarmsWithinTheWindowJoinAndFarOrLateOnesOpenTheirOwn() {
        correlator.on(alarm("GP-0101", LEAK, 0.22, T0));
        correlator.on(alarm("GP-0102", new GeoPoint(31.2329, 121.4662), 0.25, T0.plusSeconds(60)));     // ~370 m
        correlator.on(alarm("GP-0105", new GeoPoint(31.2268, 121.4790), 0.25, T0.plusSeconds(90)));     // ~1.2 km
        correlator.on(alarm("GP-0103", new GeoPoint(31.2339, 121.4705), 0.25, T0.plusSeconds(3 * 3600)));  // late
        assertThat(payloads(ReportIncidentCommand.class)).hasSize(3);
        assertThat(payloads(AddIncidentNoteCommand.class)).hasSize(1);
        assertThat(((AddIncidentNoteCommand) payloads(AddIncidentNoteCommand.class).get(0)).text())
                .startsWith("Alarm joined: GP-0102").contains("m from the first alarm");
    }

    @Test
    void theSameSensorJoinsItsIncidentWhateverTheTimeAndARedeliveredAlarmChangesNothing() {
        var first = alarm("GP-0101", LEAK, 0.22, T0);
        correlator.on(first);
        correlator.on(first);   // redelivered after a crash
        correlator.on(alarm("GP-0101", LEAK, 0.2, T0.plusSeconds(5 * 3600)));
        assertThat(payloads(ReportIncidentCommand.class)).hasSize(1);
        assertThat(payloads(AddIncidentNoteCommand.class)).hasSize(1);
    }

    @Test
    void anAlarmSeenAgainWhoseIncidentNeverReachedTheStoreReportsItAgain() {
        var first = alarm("GP-0101", LEAK, 0.22, T0);
        correlator.on(first);
        stored.clear();   // its batch recorded the alarm, then the store refused the report's events

        correlator.on(first);

        assertThat(payloads(ReportIncidentCommand.class)).hasSize(2)
                .extracting(report -> ((ReportIncidentCommand) report).incidentId()).containsOnly(
                        ((ReportIncidentCommand) payloads(ReportIncidentCommand.class).get(0)).incidentId());
        assertThat(payloads(LinkSensorAlarmCommand.class)).hasSize(2);
        assertThat(store).hasSize(1);
    }

    @Test
    void anEndedIncidentTakesNoMoreAlarms() {
        correlator.on(alarm("GP-0101", LEAK, 0.22, T0));
        var id = ((ReportIncidentCommand) payloads(ReportIncidentCommand.class).get(0)).incidentId();
        correlator.on(new IncidentClosedEvent(id, T0.plusSeconds(60)));
        correlator.on(alarm("GP-0101", LEAK, 0.22, T0.plusSeconds(120)));
        assertThat(payloads(ReportIncidentCommand.class)).hasSize(2);
    }
}
