package city.beacon.query.board;

import city.beacon.api.incident.IncidentView;
import city.beacon.query.support.BatchedCollection;
import city.beacon.query.support.Documents;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The board: the active incidents only, without their timelines, so reading the whole board stays cheap however
 * long the city's history grows (the embedded store scans a collection for anything but a keyed lookup). The
 * incident-detail projection keeps it in step with each incident's document; ended incidents leave it. A row is a
 * function of its incident's document alone, so it is rewritten (in the same batch, before the document) whenever
 * an event about the incident is delivered, even one the document had applied already.
 */
@Component
public class BoardStore {
    private final BatchedCollection board;

    public BoardStore(MongoDatabase beaconDatabase) {
        this.board = new BatchedCollection(beaconDatabase.getCollection("board"), 1);
    }

    public void track(IncidentView incident) {
        if (incident.status().hasEnded()) {
            board.delete(incident.id());
            return;
        }
        var row = incident.withTimeline(List.of());   // a board row carries no timeline
        board.replace(Documents.toDocument(row.id(), row));
    }

    public List<IncidentView> active() {
        List<IncidentView> rows = new ArrayList<>();
        for (Document document : board.stored().find()) {
            rows.add(Documents.fromDocument(document, IncidentView.class));
        }
        return rows;
    }

    public void clear() {
        board.stored().deleteMany(new Document());
    }
}
