package city.beacon.command.incident;

import city.beacon.api.incident.IncidentReportReceipt;
import city.beacon.api.incident.ReportIncidentCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.time.Clock;

/**
 * Reports an incident. Lives outside the aggregate because the reporter needs the incident's number back
 * in the answer, and an aggregate's creation handler can only return its identifier.
 */
public class ReportIncidentHandler {
    private final Repository<Incident> incidents;
    private final IncidentNumbers numbers;
    private final Clock clock;

    public ReportIncidentHandler(Repository<Incident> incidents, IncidentNumbers numbers, Clock clock) {
        this.incidents = incidents;
        this.numbers = numbers;
        this.clock = clock;
    }

    @CommandHandler
    public IncidentReportReceipt handle(ReportIncidentCommand cmd) throws Exception {
        var incident = incidents.newInstance(() -> new Incident(cmd, numbers, clock.instant()));
        return new IncidentReportReceipt(cmd.incidentId(), incident.invoke(Incident::number));
    }
}
