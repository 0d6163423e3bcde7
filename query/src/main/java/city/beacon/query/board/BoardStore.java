package city.beacon.query.board;

import city.beacon.api.incident.IncidentView;
import city.beacon.query.support.Documents;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * The board: the active incidents only, without their timelines, so reading the whole board stays cheap however
 * long the city's history grows (the embedded store scans a collection for anything but a keyed lookup). The
 * incident-detail projection keeps it in step with each incident's document; ended incidents leave it.
 */
@Component
public class BoardStore {
    private final MongoCollection<Document> board;

    public BoardStore(MongoDatabase beaconDatabase) {
        this.board = beaconDatabase.getCollection("board");
    }

    public void track(IncidentView incident) {
        if (incident.status().hasEnded()) {
            board.deleteOne(eq("_id", incident.id()));
            return;
        }
        var row = new IncidentView(incident.id(), incident.number(), incident.type(), incident.severity(),
                incident.urgency(), incident.certainty(), incident.status(), incident.location(), incident.summary(),
                incident.source(), incident.drill(), incident.reportedBy(), incident.reportedAt(),
                incident.lastChangedAt(), incident.mergedInto(), incident.cancelReason(), incident.resolution(),
                incident.readyToContain(), incident.tasks(), List.of(), incident.version());
        board.replaceOne(eq("_id", row.id()), Documents.toDocument(row.id(), row), new ReplaceOptions().upsert(true));
    }

    public List<IncidentView> active() {
        List<IncidentView> rows = new ArrayList<>();
        for (Document document : board.find()) {
            rows.add(Documents.fromDocument(document, IncidentView.class));
        }
        return rows;
    }

    public void clear() {
        board.deleteMany(new Document());
    }
}
