package city.beacon.infra.audit;

import city.beacon.api.incident.IncidentView;
import city.beacon.infra.eventstore.StoredHistory;
import city.beacon.query.support.Documents;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The board as it stood after every {@code interval}-th stream position: checkpoint k holds the active incidents
 * after positions 1 … k·interval, so the board at any instant is checkpoint ⌊P/interval⌋ plus at most
 * {@code interval} events. Found by key ({@code "c:k"}); its incidents are split over part documents
 * ({@code "c:k:i"}, at most {@value #PER_PART} each, far below the 16 MB document limit), written before the head
 * document, so a head that exists names a complete checkpoint.
 */
@Component
public class BoardCheckpoints {
    static final String COLLECTION = "board_checkpoints";
    private static final int PER_PART = 500;
    private static final int LOOK_BACK = 64;
    private final MongoCollection<Document> checkpoints;
    private final StoredHistory history;
    private final int interval;

    public BoardCheckpoints(MongoDatabase beaconDatabase, StoredHistory history, AuditProperties properties) {
        this.checkpoints = beaconDatabase.getCollection(COLLECTION);
        this.history = history;
        this.interval = properties.boardCheckpointInterval();
    }

    int interval() {
        return interval;
    }

    /** A stored checkpoint: the board after every position up to {@code through}. */
    record Checkpoint(long number, long through, Map<String, IncidentView> active) {
        static Checkpoint origin() {
            return new Checkpoint(0, 0, Map.of());
        }
    }

    /** The newest stored checkpoint at or below number {@code k}, or the origin (the empty board before position 1). */
    Checkpoint atOrBelow(long k) {
        for (long top = k; top > 0; top -= LOOK_BACK) {
            long bottom = Math.max(1, top - LOOK_BACK + 1);
            List<String> ids = LongStream.rangeClosed(bottom, top).mapToObj(BoardCheckpoints::headId).toList();
            Document best = null;
            for (Document head : checkpoints.find(in("_id", ids))) {
                if (best == null || head.get("number", Number.class).longValue() > best.get("number", Number.class).longValue()) {
                    best = head;
                }
            }
            if (best != null) {
                return load(best);
            }
        }
        return Checkpoint.origin();
    }

    /** Stores checkpoint {@code previous.number + 1}, replayed from {@code previous} over the next interval. */
    Checkpoint next(Checkpoint previous) {
        long from = previous.through() + 1;
        long to = previous.through() + interval;
        var replay = new BoardReplay(previous.active());
        replay.applyAll(history.at(LongStream.rangeClosed(from, to).boxed().toList()));
        var next = new Checkpoint(previous.number() + 1, to, replay.active());
        store(next);
        return next;
    }

    private void store(Checkpoint checkpoint) {
        List<IncidentView> views = new ArrayList<>(checkpoint.active().values());
        int parts = (views.size() + PER_PART - 1) / PER_PART;
        for (int part = 0; part < parts; part++) {
            List<Document> incidents = new ArrayList<>();
            for (IncidentView view : views.subList(part * PER_PART, Math.min(views.size(), (part + 1) * PER_PART))) {
                incidents.add(Documents.toDocument(view.id(), view));
            }
            String id = headId(checkpoint.number()) + ":" + part;
            checkpoints.replaceOne(eq("_id", id), new Document("_id", id).append("incidents", incidents),
                    new ReplaceOptions().upsert(true));
        }
        String id = headId(checkpoint.number());
        checkpoints.replaceOne(eq("_id", id), new Document("_id", id).append("number", checkpoint.number())
                .append("through", checkpoint.through()).append("parts", parts), new ReplaceOptions().upsert(true));
    }

    private Checkpoint load(Document head) {
        long number = head.get("number", Number.class).longValue();
        int parts = head.get("parts", Number.class).intValue();
        Map<String, IncidentView> active = new LinkedHashMap<>();
        if (parts > 0) {
            List<String> ids = new ArrayList<>();
            for (int part = 0; part < parts; part++) {
                ids.add(headId(number) + ":" + part);
            }
            for (Document part : checkpoints.find(in("_id", ids))) {
                for (Document incident : part.getList("incidents", Document.class)) {
                    IncidentView view = Documents.fromDocument(incident, IncidentView.class);
                    active.put(view.id(), view);
                }
            }
        }
        return new Checkpoint(number, head.get("through", Number.class).longValue(), active);
    }

    void clear() {
        checkpoints.deleteMany(new Document());
    }

    private static String headId(long number) {
        return "c:" + number;
    }
}
