package city.beacon.query.incident;

import city.beacon.api.incident.FindIncidentQuery;
import city.beacon.api.incident.FindIncidentTimelineQuery;
import city.beacon.api.incident.IncidentScoped;
import city.beacon.api.incident.IncidentView;
import city.beacon.api.incident.TimelineEntry;
import city.beacon.api.incident.TimelinePageView;
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

import java.util.List;
import java.util.Optional;

/**
 * One document per incident, keyed by its id, holding its facts, its tasks and the latest page of its timeline, so
 * the incident panel is one keyed read; the timeline's earlier pages are documents of their own in
 * {@code incident_timeline}, keyed {@code <incidentId>:<page>}, so no document grows with the incident's age. How an event changes it is {@link IncidentEvolution}'s pure rule;
 * the document also records the stream positions it has applied ({@link EventPosition}), so a batch redelivered
 * after a crash changes nothing it already wrote. The board row is re-derived from the document either way, so a
 * crash between the two writes is repaired by the redelivery.
 */
@Component
@ProcessingGroup(IncidentProjection.GROUP)
public class IncidentProjection {
    public static final String GROUP = "incident-detail";
    private static final Logger log = LoggerFactory.getLogger(IncidentProjection.class);
    /** Full timeline pages in the incident's document: how many precede the latest page, the one it holds. */
    static final String EARLIER_PAGES = "timelinePages";
    private final BatchedCollection incidents;
    private final BatchedCollection pages;
    private final BoardStore board;

    public IncidentProjection(MongoDatabase beaconDatabase, BoardStore board) {
        this.incidents = new BatchedCollection(beaconDatabase.getCollection("incidents"), 2);
        this.pages = new BatchedCollection(beaconDatabase.getCollection("incident_timeline"), 1);
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
            case APPLIED -> save(current, next.view(), stored, position);
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

    /** A page by key ({@code <incidentId>:<page>}), or the latest from the incident's own document. */
    @QueryHandler
    Optional<TimelinePageView> handle(FindIncidentTimelineQuery query) {
        String id = query.incidentId().value();
        var document = incidents.stored().find(new Document("_id", id)).first();
        if (document == null) {
            return Optional.empty();
        }
        int earlier = document.getInteger(EARLIER_PAGES, 0);
        int page = query.page() == null ? earlier : query.page();
        if (page < 0 || page > earlier) {
            return Optional.empty();
        }
        List<TimelineEntry> lines;
        if (page == earlier) {
            lines = Documents.fromDocument(document, IncidentView.class).timeline();
        } else {
            var stored = pages.stored().find(new Document("_id", pageId(id, page))).first();
            lines = stored == null ? List.of() : Documents.fromDocument(stored, TimelinePage.class).lines();
        }
        return Optional.of(new TimelinePageView(id, page, earlier + 1, IncidentEvolution.TIMELINE_PAGE, lines));
    }

    @ResetHandler
    void reset() {
        incidents.stored().deleteMany(new Document());
        pages.stored().deleteMany(new Document());
        board.clear();
    }

    /**
     * Writes the incident's document; when the event started a new timeline page, the full page goes to a document
     * of its own first ({@code <incidentId>:<page>}, written before the incident's in the batch, so a crash between
     * the two loses no line).
     */
    private void save(IncidentView before, IncidentView view, Document stored, EventPosition position) {
        var document = Documents.toDocument(view.id(), view);
        EventPosition.carry(stored, document);
        int earlier = stored == null ? 0 : stored.getInteger(EARLIER_PAGES, 0);
        if (before != null && startedNewPage(before, view)) {
            var page = new TimelinePage(before.timeline());
            pages.replace(Documents.toDocument(pageId(view.id(), earlier), page));
            earlier++;
        }
        if (earlier > 0) {
            document.put(EARLIER_PAGES, earlier);
        }
        if (position != null) {
            position.recordIn(document);
        }
        incidents.replace(document);
        board.track(view);
    }

    private static boolean startedNewPage(IncidentView before, IncidentView after) {
        return before.timeline().size() == IncidentEvolution.TIMELINE_PAGE && after.timeline().size() == 1;
    }

    static String pageId(String incidentId, int page) {
        return incidentId + ":" + page;
    }

    /** A full page of a timeline, as stored. */
    record TimelinePage(List<TimelineEntry> lines) {
    }
}
