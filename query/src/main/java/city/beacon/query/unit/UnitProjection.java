package city.beacon.query.unit;

import city.beacon.api.unit.*;
import city.beacon.api.live.Evolved;
import city.beacon.query.support.BatchedCollection;
import city.beacon.query.support.Documents;
import city.beacon.query.support.EventPosition;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * Every unit, one document each in {@code units} keyed by unit id. A city has hundreds of units, not millions, so
 * listing them reads the whole (small) collection; a single unit is a keyed lookup. Each document remembers the
 * unit's last applied sequence number, so an event delivered twice changes nothing.
 */
@Component
@ProcessingGroup(UnitProjection.GROUP)
public class UnitProjection {
    public static final String GROUP = "units";
    private static final Comparator<UnitView> ORDER = Comparator.comparing(UnitView::department)
            .thenComparing(UnitView::id);
    private final BatchedCollection units;
    private final QueryUpdateEmitter updates;

    public UnitProjection(MongoDatabase beaconDatabase, QueryUpdateEmitter updates) {
        this.units = new BatchedCollection(beaconDatabase.getCollection("units"), 1);
        this.updates = updates;
    }

    @EventHandler
    void on(UnitRegisteredEvent e, @SequenceNumber long seq) {
        apply(e.unitId(), e, seq);
    }

    @EventHandler
    void on(UnitAssignedEvent e, @SequenceNumber long seq) {
        apply(e.unitId(), e, seq);
    }

    @EventHandler
    void on(UnitStatusReportedEvent e, @SequenceNumber long seq) {
        apply(e.unitId(), e, seq);
    }

    @EventHandler
    void on(UnitReleasedEvent e, @SequenceNumber long seq) {
        apply(e.unitId(), e, seq);
    }

    @QueryHandler
    List<UnitView> handle(FindUnitsQuery query) {
        var found = new ArrayList<UnitView>();
        var documents = query.department() == null ? units.stored().find()
                : units.stored().find(eq("department", query.department().code()));
        documents.forEach(d -> found.add(Documents.fromDocument(d, UnitView.class)));
        found.sort(ORDER);
        return found;
    }

    @QueryHandler
    Optional<UnitView> handle(FindUnitQuery query) {
        var document = units.stored().find(eq("_id", query.unitId().value())).first();
        return Optional.ofNullable(document == null ? null : Documents.fromDocument(document, UnitView.class));
    }

    @ResetHandler
    void reset() {
        units.stored().deleteMany(new Document());
    }

    private void apply(UnitId id, Object event, long seq) {
        var stored = units.find(id.value());
        var position = EventPosition.ofCurrent();
        if (position != null && position.appliedTo(stored)) {
            return;
        }
        var current = stored == null ? null : Documents.fromDocument(stored, UnitView.class);
        var next = UnitEvolution.apply(current, event, seq);
        if (next.outcome() != Evolved.Outcome.APPLIED) {
            return;   // applied before, or a later event of a unit this model never saw registered
        }
        var view = next.view();
        var document = Documents.toDocument(view.id(), view);
        EventPosition.carry(stored, document);
        if (position != null) {
            position.recordIn(document);
        }
        units.replace(document);
        updates.emit(FindUnitQuery.class, q -> q.unitId().value().equals(view.id()), view);
        updates.emit(FindUnitsQuery.class, q -> q.matches(view), view);
    }
}
