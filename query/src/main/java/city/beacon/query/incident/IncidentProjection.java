package city.beacon.query.incident;

import city.beacon.api.incident.FindIncidentQuery;
import city.beacon.api.incident.IncidentScoped;
import city.beacon.api.incident.IncidentView;
import city.beacon.api.live.Evolved;
import city.beacon.query.board.BoardStore;
import city.beacon.query.support.BatchedCollection;
import city.beacon.query.support.Documents;
import city.beacon.query.support.EventPosition;
import city.beacon.query.support.Facts;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * One document per incident, keyed by its id, holding its facts, its tasks and its timeline, so the incident panel
 * and an auditor's history are one keyed read. How an event changes it is {@link IncidentEvolution}'s pure rule;
 * the document also records the stream positions it has applied ({@link EventPosition}), so a batch redelivered
 * after a crash changes nothing it already wrote. The board row is re-derived from the document either way, so a
 * crash between the two writes is repaired by the redelivery.
 */
@Component
@ProcessingGroup(IncidentProjection.GROUP)
public class IncidentProjection {
    public static final String GROUP = "incident-detail";
    private static final Logger log = LoggerFactory.getLogger(IncidentProjection.class);
    private final BatchedCollection incidents;
    private final BoardStore board;

    public IncidentProjection(MongoDatabase beaconDatabase, BoardStore board) {
        this.incidents = new BatchedCollection(beaconDatabase.getCollection("incidents"), 2);
        this.board = board;
    }

    @EventHandler
    void on(IncidentScoped event, EventMessage<?> message) {
        String id = event.incidentId().value();
        Document stored = incidents.find(id);
        IncidentView current = stored == null ? null : Documents.fromDocument(stored, IncidentView.class);
        EventPosition position = EventPosition.of(message);
        if (position != null && position.appliedTo(stored)) {
            board.track(current);
            return;
        }
        Evolved<IncidentView> next = IncidentEvolution.apply(current, event, Facts.of(message));
        switch (next.outcome()) {
            case APPLIED -> save(next.view(), stored, position);
            case UNCHANGED -> {
                if (current != null) {
                    board.track(current);
                }
            }
            case BEHIND -> log.warn("incident {} misses events before {}; left unchanged", id, message.getIdentifier());
        }
    }

    @QueryHandler
    Optional<IncidentView> handle(FindIncidentQuery query) {
        var document = incidents.stored().find(new Document("_id", query.incidentId().value())).first();
        return Optional.ofNullable(document == null ? null : Documents.fromDocument(document, IncidentView.class));
    }

    @ResetHandler
    void reset() {
        incidents.stored().deleteMany(new Document());
        board.clear();
    }

    private void save(IncidentView view, Document stored, EventPosition position) {
        var document = Documents.toDocument(view.id(), view);
        EventPosition.carry(stored, document);
        if (position != null) {
            position.recordIn(document);
        }
        incidents.replace(document);
        board.track(view);
    }
}
