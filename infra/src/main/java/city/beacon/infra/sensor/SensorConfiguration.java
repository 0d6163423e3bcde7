package city.beacon.infra.sensor;

import city.beacon.saga.alarm.AlarmCorrelator;
import city.beacon.saga.alarm.CorrelationSettings;
import city.beacon.saga.alarm.OpenAlarmIncidents;
import city.beacon.saga.alarm.ReportedIncidents;
import city.beacon.saga.response.AutomaticActions;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Sensors: the registry, the readings path, the silence watch and alarm correlation (docs/sensors.md). */
@Configuration(proxyBeanMethods = false)
public class SensorConfiguration {

    @Bean
    SensorRegistry sensorRegistry(MongoDatabase beaconDatabase, Clock clock, SensorProperties properties) {
        return new SensorRegistry(beaconDatabase, clock, properties.registryRefresh());
    }

    @Bean
    ReadingStore readingStore(MongoDatabase beaconDatabase) {
        return new ReadingStore(beaconDatabase);
    }

    @Bean
    SensorReadingIntake sensorReadingIntake(SensorRegistry registry, ReadingStore store, CommandGateway commands,
                                            Clock clock, SensorProperties properties) {
        return new SensorReadingIntake(registry, store, commands, clock, properties);
    }

    @Bean
    ConfiguredSensorsRegistrar sensorRegistrar(SensorProperties properties, CommandGateway commands) {
        return new ConfiguredSensorsRegistrar(properties, commands);
    }

    @Bean
    SilenceWatch silenceWatch(SensorRegistry registry, ReadingStore store, CommandGateway commands, Clock clock) {
        return new SilenceWatch(registry, store, commands, clock);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService silenceWatchSchedule(SilenceWatch watch, SensorProperties properties) {
        var executor = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "sensor-silence-watch");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.silenceCheck().toMillis();
        executor.scheduleWithFixedDelay(watch::checkQuietly, every, every, TimeUnit.MILLISECONDS);
        return executor;
    }

    @Bean
    OpenAlarmIncidents openAlarmIncidents(MongoDatabase beaconDatabase) {
        return new MongoOpenAlarmIncidents(beaconDatabase);
    }

    @Bean
    CorrelationSettings correlationSettings(SensorProperties properties) {
        var correlation = properties.correlation();
        return new CorrelationSettings(correlation.radiusMeters(), correlation.window(),
                correlation.affectedRadiusMeters());
    }

    @Bean
    AlarmCorrelator alarmCorrelator(CommandGateway commands, OpenAlarmIncidents open, CorrelationSettings settings,
                                    EventStore events) {
        ReportedIncidents reported = incident -> events.lastSequenceNumberFor(incident.value()).isPresent();
        return new AlarmCorrelator(commands, open, settings, reported);
    }

    @Bean
    AutomaticActions automaticActions(SensorRegistry registry) {
        return new SensorAutomaticActions(registry);
    }
}
