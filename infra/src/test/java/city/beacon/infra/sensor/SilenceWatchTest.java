package city.beacon.infra.sensor;

import city.beacon.command.sensor.SensorState;
import city.beacon.api.common.Department;
import city.beacon.api.incident.GeoPoint;
import city.beacon.api.incident.IncidentType;
import city.beacon.api.sensor.*;
import city.beacon.query.support.Documents;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.*;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The silence watch, on a controlled clock: one report per silence, measured from the latest reading. */
class SilenceWatchTest {
    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private final List<ReportSensorSilentCommand> sent = new ArrayList<>();
    private final MutableClock clock = new MutableClock(T0);

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("beacon");
        register("GP-1", Duration.ofMinutes(10));
        register("GP-2", null);
        register("GP-3", Duration.ofMinutes(10));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aSensorIsReportedSilentOncePerSilence() {
        var store = new ReadingStore(database);
        store.saveAll(List.of(stateAt("GP-1", T0)));
        var bus = SimpleCommandBus.builder().build();
        bus.subscribe(ReportSensorSilentCommand.class.getName(), message -> {
            sent.add((ReportSensorSilentCommand) message.getPayload());
            return null;
        });
        var watch = new SilenceWatch(new SensorRegistry(database, clock, Duration.ofSeconds(10)), store,
                DefaultCommandGateway.builder().commandBus(bus).build(), clock);

        clock.now = T0.plus(Duration.ofMinutes(5));
        assertThat(watch.check()).isZero();

        clock.now = T0.plus(Duration.ofMinutes(11));   // GP-1 silent since T0; GP-3 never sent, watched since T0
        assertThat(watch.check()).isEqualTo(2);
        assertThat(sent).extracting(c -> c.sensorId().value()).containsExactlyInAnyOrder("GP-1", "GP-3");
        assertThat(sent).filteredOn(c -> c.sensorId().value().equals("GP-1"))
                .extracting(ReportSensorSilentCommand::lastReadingAt).containsExactly(T0);
        assertThat(watch.check()).isZero();

        store.saveAll(List.of(stateAt("GP-1", T0.plus(Duration.ofMinutes(12)))));
        clock.now = T0.plus(Duration.ofMinutes(23));
        sent.clear();
        assertThat(watch.check()).isEqualTo(1);
        assertThat(sent.get(0).lastReadingAt()).isEqualTo(T0.plus(Duration.ofMinutes(12)));
    }

    private void register(String id, Duration silentAfter) {
        var definition = new SensorDefinition(SensorKind.GAS_PRESSURE, id, new GeoPoint(31.23, 121.47), null,
                Department.GAS_UTILITY, "MPa", new ValueRange(0, 1.6), new ValueRange(0.38, 0.42),
                new AlarmThresholds(0.32, null, null), IncidentType.GAS_LEAK, null, silentAfter);
        database.getCollection("sensors").insertOne(Documents.toDocument(id,
                new SensorView(id, definition, false, null, T0, 0)));
    }

    private static SensorState stateAt(String id, Instant at) {
        var point = new SensorState.Point(0.4, at.toEpochMilli());
        return new SensorState(id, List.of(point), point, "MPa", false);
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
