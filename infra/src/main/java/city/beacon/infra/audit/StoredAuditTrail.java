package city.beacon.infra.audit;

import city.beacon.api.audit.AfterActionReport;
import city.beacon.api.audit.AuditEventPage;
import city.beacon.api.audit.BoardAtView;
import city.beacon.api.audit.CausalChainView;
import city.beacon.api.audit.IncidentAtView;
import city.beacon.api.audit.IncidentDiffView;
import city.beacon.api.board.FindBoardQuery;
import city.beacon.web.audit.AuditFilter;
import city.beacon.web.audit.AuditTrail;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/** The auditors' port, answered from the event store, its audit index and the board checkpoints. */
@Component
class StoredAuditTrail implements AuditTrail {
    private final AuditSearch search;
    private final IncidentHistory incidents;
    private final TimeTravel timeTravel;
    private final CausalChains chains;
    private final IncidentDiffs diffs;
    private final AfterActionReports reports;

    StoredAuditTrail(AuditSearch search, IncidentHistory incidents, TimeTravel timeTravel, CausalChains chains,
                     IncidentDiffs diffs, AfterActionReports reports) {
        this.search = search;
        this.incidents = incidents;
        this.timeTravel = timeTravel;
        this.chains = chains;
        this.diffs = diffs;
        this.reports = reports;
    }

    @Override
    public boolean knows(String incidentId) {
        return incidents.known(incidentId);
    }

    @Override
    public AuditEventPage incidentEvents(String incidentId, AuditFilter filter, long after, int limit) {
        return search.incident(incidentId, searchFilter(filter), after, limit);
    }

    @Override
    public AuditEventPage events(AuditFilter filter, long after, int limit) {
        return search.across(searchFilter(filter), after, limit);
    }

    @Override
    public Optional<IncidentAtView> incidentAt(String incidentId, Instant at) {
        return timeTravel.incident(incidentId, at);
    }

    @Override
    public BoardAtView boardAt(Instant at, FindBoardQuery query) {
        return timeTravel.board(at, query);
    }

    @Override
    public IncidentDiffView diff(String incidentId, Instant from, Instant to) {
        return diffs.between(incidentId, from, to);
    }

    @Override
    public Optional<CausalChainView> chain(String eventId) {
        return chains.of(eventId);
    }

    @Override
    public Optional<AfterActionReport> afterActionReport(String incidentId) {
        return reports.of(incidentId);
    }

    private static AuditSearch.Filter searchFilter(AuditFilter filter) {
        return new AuditSearch.Filter(filter.from(), filter.to(), filter.types(), filter.actor(), filter.department());
    }
}
