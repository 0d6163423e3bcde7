package city.beacon.query.incident;

import city.beacon.api.common.Actor;
import city.beacon.api.incident.*;
import city.beacon.query.support.Documents;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static com.mongodb.client.model.Filters.eq;

/**
 * One document per incident, keyed by its id. Each document remembers the aggregate sequence number it has
 * applied, so an event delivered twice (a replay, a retried batch) changes nothing.
 */
@Component
@ProcessingGroup(IncidentProjection.GROUP)
public class IncidentProjection {
    public static final String GROUP = "incident-detail";
    private final MongoCollection<Document> incidents;

    public IncidentProjection(MongoDatabase beaconDatabase) {
        this.incidents = beaconDatabase.getCollection("incidents");
    }

    @EventHandler
    void on(IncidentReportedEvent e, @SequenceNumber long seq, @MetaDataValue(Actor.USER_ID) String actor) {
        apply(e.incidentId(), seq, ignored -> new IncidentView(e.incidentId().value(), e.number().value(), e.type(),
                e.severity(), e.urgency(), e.certainty(), IncidentStatus.REPORTED, e.location(), e.summary(),
                e.source(), e.drill(), actor, e.reportedAt(), e.reportedAt(), null, null, null, seq));
    }

    @EventHandler
    void on(IncidentConfirmedEvent e, @SequenceNumber long seq) {
        apply(e.incidentId(), seq, v -> withStatus(v, IncidentStatus.CONFIRMED, e.confirmedAt(), seq));
    }

    @EventHandler
    void on(IncidentReclassifiedEvent e, @SequenceNumber long seq) {
        apply(e.incidentId(), seq, v -> new IncidentView(v.id(), v.number(), e.type(), e.severity(), e.urgency(),
                e.certainty(), v.status(), v.location(), v.summary(), v.source(), v.drill(), v.reportedBy(),
                v.reportedAt(), e.reclassifiedAt(), v.mergedInto(), v.cancelReason(), v.resolution(), seq));
    }

    @EventHandler
    void on(IncidentLocationUpdatedEvent e, @SequenceNumber long seq) {
        apply(e.incidentId(), seq, v -> new IncidentView(v.id(), v.number(), v.type(), v.severity(), v.urgency(),
                v.certainty(), v.status(), e.location(), v.summary(), v.source(), v.drill(), v.reportedBy(),
                v.reportedAt(), e.updatedAt(), v.mergedInto(), v.cancelReason(), v.resolution(), seq));
    }

    @EventHandler
    void on(IncidentNoteAddedEvent e, @SequenceNumber long seq) {
        apply(e.incidentId(), seq, v -> withStatus(v, v.status(), e.addedAt(), seq));
    }

    @EventHandler
    void on(IncidentResponseStartedEvent e, @SequenceNumber long seq) {
        apply(e.incidentId(), seq, v -> withStatus(v, IncidentStatus.RESPONDING, e.startedAt(), seq));
    }

    @EventHandler
    void on(IncidentContainedEvent e, @SequenceNumber long seq) {
        apply(e.incidentId(), seq, v -> withStatus(v, IncidentStatus.CONTAINED, e.containedAt(), seq));
    }

    @EventHandler
    void on(IncidentResolvedEvent e, @SequenceNumber long seq) {
        apply(e.incidentId(), seq, v -> new IncidentView(v.id(), v.number(), v.type(), v.severity(), v.urgency(),
                v.certainty(), IncidentStatus.RESOLVED, v.location(), v.summary(), v.source(), v.drill(),
                v.reportedBy(), v.reportedAt(), e.resolvedAt(), v.mergedInto(), v.cancelReason(), e.resolution(), seq));
    }

    @EventHandler
    void on(IncidentClosedEvent e, @SequenceNumber long seq) {
        apply(e.incidentId(), seq, v -> withStatus(v, IncidentStatus.CLOSED, e.closedAt(), seq));
    }

    @EventHandler
    void on(IncidentCancelledEvent e, @SequenceNumber long seq) {
        apply(e.incidentId(), seq, v -> new IncidentView(v.id(), v.number(), v.type(), v.severity(), v.urgency(),
                v.certainty(), IncidentStatus.CANCELLED, v.location(), v.summary(), v.source(), v.drill(),
                v.reportedBy(), v.reportedAt(), e.cancelledAt(), v.mergedInto(), e.reason(), v.resolution(), seq));
    }

    @EventHandler
    void on(IncidentMergedEvent e, @SequenceNumber long seq) {
        apply(e.incidentId(), seq, v -> new IncidentView(v.id(), v.number(), v.type(), v.severity(), v.urgency(),
                v.certainty(), IncidentStatus.MERGED, v.location(), v.summary(), v.source(), v.drill(),
                v.reportedBy(), v.reportedAt(), e.mergedAt(), e.into().value(), v.cancelReason(), v.resolution(), seq));
    }

    @QueryHandler
    Optional<IncidentView> handle(FindIncidentQuery query) {
        return Optional.ofNullable(load(query.incidentId().value()));
    }

    @ResetHandler
    void reset() {
        incidents.deleteMany(new Document());
    }

    private void apply(IncidentId id, long seq, UnaryOperator<IncidentView> change) {
        var current = load(id.value());
        if (current != null && current.version() >= seq) {
            return;
        }
        if (current == null && seq > 0) {
            return;   // a later event for an incident this model never saw reported: nothing to change
        }
        var next = change.apply(current);
        incidents.replaceOne(eq("_id", id.value()), Documents.toDocument(id.value(), next),
                new ReplaceOptions().upsert(true));
    }

    private IncidentView load(String id) {
        var document = incidents.find(eq("_id", id)).first();
        return document == null ? null : Documents.fromDocument(document, IncidentView.class);
    }

    private static IncidentView withStatus(IncidentView v, IncidentStatus status, Instant at, long seq) {
        return new IncidentView(v.id(), v.number(), v.type(), v.severity(), v.urgency(), v.certainty(), status,
                v.location(), v.summary(), v.source(), v.drill(), v.reportedBy(), v.reportedAt(), at, v.mergedInto(),
                v.cancelReason(), v.resolution(), seq);
    }
}
