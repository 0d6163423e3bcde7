package city.beacon.web.audit;

import city.beacon.api.audit.AfterActionReport;
import city.beacon.api.audit.AuditEventPage;
import city.beacon.api.audit.BoardAtView;
import city.beacon.api.audit.CausalChainView;
import city.beacon.api.audit.IncidentAtView;
import city.beacon.api.audit.IncidentDiffView;
import city.beacon.api.board.FindBoardQuery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** History and time travel as auditors read them (a port: the event store's audit side answers it). */
public interface AuditTrail {

    /** The widest range one search across all incidents may cover. */
    Duration MAX_RANGE = Duration.ofDays(31);

    boolean knows(String incidentId);

    /** One incident's events (its tasks' and its alarm's included) after a position, in global order. */
    AuditEventPage incidentEvents(String incidentId, AuditFilter filter, long after, int limit);

    /** Events of every incident within the filter's range (at most {@link #MAX_RANGE}), in global order. */
    AuditEventPage events(AuditFilter filter, long after, int limit);

    /** The incident as it stood at an instant; empty when it was not reported yet. */
    Optional<IncidentAtView> incidentAt(String incidentId, Instant at);

    BoardAtView boardAt(Instant at, FindBoardQuery query);

    IncidentDiffView diff(String incidentId, Instant from, Instant to);

    Optional<CausalChainView> chain(String eventId);

    Optional<AfterActionReport> afterActionReport(String incidentId);
}
