package city.beacon.infra.demo;

import city.beacon.web.demo.Drills;
import city.beacon.api.incident.FindIncidentQuery;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.IncidentReportReceipt;
import city.beacon.api.incident.IncidentView;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays drills in the background (demo profile only). Every quarter second it reads each running drill's incident
 * from the read model and sends the commands the drill says are due by the {@link Clock} — through the command
 * gateway, as each liaison or as Beacon itself, exactly as a console or a sensor gateway would. Reading the read
 * model rather than listening to events keeps it correct on any node of a cluster: escalations fired by another
 * node's deadline manager show up in the incident all the same.
 */
@Component
@Profile("demo")
public class DrillPlayer implements Drills, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DrillPlayer.class);
    private static final long TICK_MILLIS = 250;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final DemoProperties properties;
    private final List<GasLeakDrill> running = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "demo-drill");
        thread.setDaemon(true);
        return thread;
    });

    public DrillPlayer(CommandGateway commands, QueryGateway queries, Clock clock, DemoProperties properties) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.properties = properties;
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Reports the drill's incident (a pressure sensor's alarm) and plays the rest in the background. */
    @Override
    public IncidentReportReceipt playGasLeak() {
        var id = IncidentId.random();
        IncidentReportReceipt receipt = commands.sendAndWait(GenericCommandMessage.asCommandMessage(GasLeakDrill.report(id))
                .andMetaData(GasLeakDrill.BEACON.toMetaData()), 15, TimeUnit.SECONDS);
        running.add(new GasLeakDrill(id, clock.instant(), properties.pace()));
        log.info("gas-leak drill started as incident {}", receipt.number());
        return receipt;
    }

    void tick() {
        for (GasLeakDrill drill : running) {
            try {
                Optional<IncidentView> incident = queries.query(new FindIncidentQuery(drill.incidentId()),
                        ResponseTypes.optionalInstanceOf(IncidentView.class)).get(5, TimeUnit.SECONDS);
                for (DrillAction action : drill.next(clock.instant(), incident.orElse(null))) {
                    send(action);
                }
                if (drill.finished()) {
                    running.remove(drill);
                    log.info("gas-leak drill of incident {} finished", drill.incidentId());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("drill of incident {} could not read its incident; trying again", drill.incidentId(), e);
            }
        }
    }

    private void send(DrillAction action) {
        // Not waited for: a refusal (the operator acted first, say) is logged and the drill carries on.
        commands.send(GenericCommandMessage.asCommandMessage(action.command()).andMetaData(action.actor().toMetaData()))
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        log.info("drill step {} by {} refused: {}", action.command().getClass().getSimpleName(),
                                action.actor().userId(), failure.getMessage());
                    }
                });
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
