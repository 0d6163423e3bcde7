package city.beacon.infra.sensor;

import city.beacon.api.common.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.util.concurrent.TimeUnit;

/**
 * Registers the configured sensors once the node is ready. Registering the same definition again is a no-op in the
 * Sensor, a changed one becomes SensorRedefined, and two nodes starting together lose at most a retried race.
 */
public class ConfiguredSensorsRegistrar {
    static final Actor ACTOR = Actor.system("sensor-registry");
    private static final Logger log = LoggerFactory.getLogger(ConfiguredSensorsRegistrar.class);
    private final SensorProperties properties;
    private final CommandGateway commands;

    public ConfiguredSensorsRegistrar(SensorProperties properties, CommandGateway commands) {
        this.properties = properties;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void registerConfiguredSensors() {
        int failed = 0;
        for (var sensor : properties.registry()) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(sensor.toCommand())
                        .andMetaData(ACTOR.toMetaData()), 15, TimeUnit.SECONDS);
            } catch (ConcurrencyException e) {
                log.debug("sensor {} was registered concurrently by another node", sensor.id());
            } catch (RuntimeException e) {
                failed++;
                log.warn("could not register sensor {}: {}", sensor.id(), e.toString());
            }
        }
        log.info("{} configured sensors, {} could not be registered", properties.registry().size(), failed);
    }
}
