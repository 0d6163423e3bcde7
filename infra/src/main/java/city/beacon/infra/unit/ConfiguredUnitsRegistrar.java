package city.beacon.infra.unit;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.unit.RegisterUnitCommand;
import city.beacon.api.unit.UnitId;
import city.beacon.api.unit.FindUnitsQuery;
import city.beacon.api.unit.UnitView;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Registers the configured units once the node is ready, skipping those the units read model already lists. The
 * read model may lag (another node registering at the same moment, a replay after a reset): registering a unit
 * that exists is a no-op in the Unit, and a lost race on its first event is a conflict the gateway retries into
 * that no-op, or that counts as done here — so two nodes starting together register each unit once.
 */
@Component
public class ConfiguredUnitsRegistrar {
    static final Actor ACTOR = Actor.system("unit-seed");
    private static final Logger log = LoggerFactory.getLogger(ConfiguredUnitsRegistrar.class);
    private final UnitProperties properties;
    private final CommandGateway commands;
    private final QueryGateway queries;

    public ConfiguredUnitsRegistrar(UnitProperties properties, CommandGateway commands, QueryGateway queries) {
        this.properties = properties;
        this.commands = commands;
        this.queries = queries;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void registerConfiguredUnits() {
        Set<String> known = known();
        int sent = 0;
        for (var unit : properties.seed()) {
            if (known.contains(unit.id())) {
                continue;
            }
            try {
                var command = new RegisterUnitCommand(new UnitId(unit.id()), Department.of(unit.department()),
                        unit.kind(), unit.name());
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(ACTOR.toMetaData()),
                        15, TimeUnit.SECONDS);
                sent++;
            } catch (ConcurrencyException e) {
                log.debug("unit {} was registered concurrently by another node", unit.id());
            } catch (RuntimeException e) {
                log.warn("could not register unit {}: {}", unit.id(), e.toString());
            }
        }
        log.info("{} configured units, {} registered now", properties.seed().size(), sent);
    }

    private Set<String> known() {
        try {
            return queries.query(new FindUnitsQuery(null), ResponseTypes.multipleInstancesOf(UnitView.class))
                    .get(15, TimeUnit.SECONDS).stream().map(UnitView::id).collect(Collectors.toSet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        } catch (Exception e) {
            log.warn("could not list registered units; registering all configured ones: {}", e.toString());
            return Set.of();
        }
    }
}
