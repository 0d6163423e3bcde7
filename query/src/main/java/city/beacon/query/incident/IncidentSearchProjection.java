package city.beacon.query.incident;

import city.beacon.api.board.BoardRowView;
import city.beacon.api.incident.FindIncidentsQuery;
import city.beacon.api.incident.IncidentReportedEvent;
import city.beacon.api.incident.IncidentView;
import city.beacon.query.support.Documents;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * Finds any incident, ended ones included, with keyed reads only (the embedded store scans for anything else):
 * {@code incident_numbers} maps a number to its incident, {@code incident_days} lists the incidents reported on each
 * of the city's days (the number's date part). The incidents themselves are then read by id from the detail model.
 */
@Component
@ProcessingGroup(IncidentSearchProjection.GROUP)
public class IncidentSearchProjection {
    public static final String GROUP = "incident-search";
    /** An auditor's search spans at most this many days; longer histories are searched in steps. */
    public static final int MAX_DAYS = 92;
    static final int MAX_RESULTS = 500;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private final MongoCollection<Document> numbers;
    private final MongoCollection<Document> days;
    private final MongoCollection<Document> incidents;
    private final Clock clock;

    public IncidentSearchProjection(MongoDatabase beaconDatabase, Clock clock) {
        this.numbers = beaconDatabase.getCollection("incident_numbers");
        this.days = beaconDatabase.getCollection("incident_days");
        this.incidents = beaconDatabase.getCollection("incidents");
        this.clock = clock;
    }

    /** Both writes are idempotent (replace by key, add to a set), so a redelivered event changes nothing. */
    @EventHandler
    void on(IncidentReportedEvent e) {
        String number = e.number().value();
        String id = e.incidentId().value();
        numbers.replaceOne(eq("_id", number), new Document("_id", number).append("incidentId", id),
                new ReplaceOptions().upsert(true));
        days.updateOne(eq("_id", number.substring(0, 8)), Updates.addToSet("ids", id), new UpdateOptions().upsert(true));
    }

    @QueryHandler
    List<BoardRowView> handle(FindIncidentsQuery query) {
        Set<String> ids = new LinkedHashSet<>();
        if (query.number() != null && !query.number().isBlank()) {
            var entry = numbers.find(eq("_id", query.number().strip())).first();
            if (entry != null) {
                ids.add(entry.getString("incidentId"));
            }
        } else if (query.from() != null && query.to() != null) {
            List<String> keys = new ArrayList<>();
            for (LocalDate day = query.from(); !day.isAfter(query.to()) && keys.size() < MAX_DAYS; day = day.plusDays(1)) {
                keys.add(DAY.format(day));
            }
            for (var document : days.find(in("_id", keys))) {
                ids.addAll(document.getList("ids", String.class));
            }
        }
        var now = clock.instant();
        List<BoardRowView> rows = new ArrayList<>();
        List<String> all = new ArrayList<>(ids);
        for (int start = 0; start < all.size(); start += 200) {
            for (var document : incidents.find(in("_id", all.subList(start, Math.min(all.size(), start + 200))))) {
                var incident = Documents.fromDocument(document, IncidentView.class);
                if (query.type() == null || query.type() == incident.type()) {
                    rows.add(BoardRowView.of(incident, now));
                }
            }
        }
        rows.sort(Comparator.comparing(BoardRowView::reportedAt).reversed());
        return rows.size() > MAX_RESULTS ? List.copyOf(rows.subList(0, MAX_RESULTS)) : rows;
    }

    @ResetHandler
    void reset() {
        numbers.deleteMany(new Document());
        days.deleteMany(new Document());
    }
}
