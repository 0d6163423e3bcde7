package city.beacon.query.board;

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
 * The board keeps only active incidents, so reading the whole board stays cheap however long the city's history
 * grows (the embedded store scans a collection for anything but a keyed lookup). Ended incidents move to the
 * archive, which also tells a re-delivered report not to bring a closed incident back.
 */
@Component
public class BoardStore {
    private final MongoCollection<Document> board;
    private final MongoCollection<Document> archive;

    public BoardStore(MongoDatabase beaconDatabase) {
        this.board = beaconDatabase.getCollection("board");
        this.archive = beaconDatabase.getCollection("board_archive");
    }

    BoardEntry find(String id) {
        var document = board.find(eq("_id", id)).first();
        return document == null ? null : Documents.fromDocument(document, BoardEntry.class);
    }

    boolean isArchived(String id) {
        return archive.find(eq("_id", id)).first() != null;
    }

    void save(BoardEntry entry) {
        board.replaceOne(eq("_id", entry.id()), Documents.toDocument(entry.id(), entry), new ReplaceOptions().upsert(true));
    }

    void archive(BoardEntry entry) {
        archive.replaceOne(eq("_id", entry.id()), Documents.toDocument(entry.id(), entry), new ReplaceOptions().upsert(true));
        board.deleteOne(eq("_id", entry.id()));
    }

    List<BoardEntry> all() {
        List<BoardEntry> entries = new ArrayList<>();
        for (Document document : board.find()) {
            entries.add(Documents.fromDocument(document, BoardEntry.class));
        }
        return entries;
    }

    void clear() {
        board.deleteMany(new Document());
        archive.deleteMany(new Document());
    }
}
