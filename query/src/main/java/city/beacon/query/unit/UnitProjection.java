package city.beacon.query.unit;

import city.beacon.api.unit.*;
import city.beacon.query.support.Documents;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
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
import java.util.function.UnaryOperator;

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
    private final MongoCollection<Document> units;
    private final QueryUpdateEmitter updates;

    public UnitProjection(MongoDatabase beaconDatabase, QueryUpdateEmitter updates) {
        this.units = beaconDatabase.getCollection("units");
        this.updates = updates;
    }

    @EventHandler
    void on(UnitRegisteredEvent e, @SequenceNumber long seq) {
        apply(e.unitId(), seq, ignored -> new UnitView(e.unitId().value(), e.department().code(), e.kind(), e.name(),
                UnitStatus.AVAILABLE, null, null, null, null, e.registeredAt(), e.registeredAt(), seq));
    }

    @EventHandler
    void on(UnitAssignedEvent e, @SequenceNumber long seq) {
        apply(e.unitId(), seq, v -> new UnitView(v.id(), v.department(), v.kind(), v.name(), UnitStatus.ASSIGNED,
                e.taskId().value(), e.incidentId().value(), null, e.by(), e.assignedAt(), v.registeredAt(), seq));
    }

    @EventHandler
    void on(UnitStatusReportedEvent e, @SequenceNumber long seq) {
        apply(e.unitId(), seq, v -> new UnitView(v.id(), v.department(), v.kind(), v.name(), e.status(), v.taskId(),
                v.incidentId(), e.note(), e.by(), e.reportedAt(), v.registeredAt(), seq));
    }

    @EventHandler
    void on(UnitReleasedEvent e, @SequenceNumber long seq) {
        apply(e.unitId(), seq, v -> new UnitView(v.id(), v.department(), v.kind(), v.name(), UnitStatus.AVAILABLE,
                null, null, null, e.by(), e.releasedAt(), v.registeredAt(), seq));
    }

    @QueryHandler
    List<UnitView> handle(FindUnitsQuery query) {
        var found = new ArrayList<UnitView>();
        var documents = query.department() == null ? units.find() : units.find(eq("department", query.department().code()));
        documents.forEach(d -> found.add(Documents.fromDocument(d, UnitView.class)));
        found.sort(ORDER);
        return found;
    }

    @QueryHandler
    Optional<UnitView> handle(FindUnitQuery query) {
        return Optional.ofNullable(load(query.unitId().value()));
    }

    @ResetHandler
    void reset() {
        units.deleteMany(new Document());
    }

    private void apply(UnitId id, long seq, UnaryOperator<UnitView> change) {
        var current = load(id.value());
        if (current != null && current.version() >= seq || current == null && seq > 0) {
            return;   // applied before, or a later event of a unit this model never saw registered
        }
        var next = change.apply(current);
        units.replaceOne(eq("_id", next.id()), Documents.toDocument(next.id(), next), new ReplaceOptions().upsert(true));
        updates.emit(FindUnitQuery.class, q -> q.unitId().value().equals(next.id()), next);
        updates.emit(FindUnitsQuery.class, q -> q.matches(next), next);
    }

    private UnitView load(String id) {
        var document = units.find(eq("_id", id)).first();
        return document == null ? null : Documents.fromDocument(document, UnitView.class);
    }
}
