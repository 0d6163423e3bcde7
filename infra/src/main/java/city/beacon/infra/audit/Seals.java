package city.beacon.infra.audit;

import city.beacon.infra.eventstore.StoredHistory;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The seal collection: seal n covers positions {@code from … to} (the one after seal n-1's last), with each
 * position's digest and the chain hash. Seals are keyed by number; a pointer document names the newest, and a crash
 * between a seal and its pointer is repaired by probing the numbers after it.
 */
@Component
public class Seals {
    static final String COLLECTION = "audit_seals";
    private static final String HEAD = "head";
    private final MongoCollection<Document> seals;
    private final StoredHistory history;
    private final Clock clock;

    public Seals(MongoDatabase beaconDatabase, StoredHistory history, Clock clock) {
        this.seals = beaconDatabase.getCollection(COLLECTION);
        this.history = history;
        this.clock = clock;
    }

    /** A stored seal. */
    public record Seal(long number, long from, long to, String previous, String hash, List<String> digests,
                       java.time.Instant sealedAt) {
        static Seal none() {
            return new Seal(0, 0, 0, null, SealHashes.GENESIS, List.of(), null);
        }

        static Seal of(Document d) {
            return new Seal(d.get("_id", Number.class).longValue(), d.get("from", Number.class).longValue(),
                    d.get("to", Number.class).longValue(), d.getString("previous"), d.getString("hash"),
                    d.getList("digests", String.class), d.getDate("sealedAt").toInstant());
        }
    }

    /** The newest seal, or {@link Seal#none()} before the first. */
    public Seal latest() {
        Document head = seals.find(eq("_id", HEAD)).first();
        long number = head == null ? 0 : head.get("number", Number.class).longValue();
        Seal latest = number == 0 ? Seal.none() : find(number);
        for (Seal next = find(latest.number() + 1); next != null; next = find(next.number() + 1)) {
            latest = next;
        }
        return latest;
    }

    Seal find(long number) {
        Document d = seals.find(eq("_id", number)).first();
        return d == null ? null : Seal.of(d);
    }

    /** Seals numbered {@code from … to} that exist, by number. */
    Map<Long, Seal> range(long from, long to) {
        Map<Long, Seal> found = new HashMap<>();
        for (Document d : seals.find(in("_id", LongStream.rangeClosed(from, to).boxed().toList()))) {
            found.put(d.get("_id", Number.class).longValue(), Seal.of(d));
        }
        return found;
    }

    /** Seals positions {@code after+1 … through} onto {@code previous}, which must be the newest seal. */
    Seal seal(Seal previous, long through) {
        long from = previous.to() + 1;
        List<String> digests = digests(from, through);
        var seal = new Seal(previous.number() + 1, from, through, previous.hash(),
                SealHashes.sealHash(previous.hash(), from, through, digests), digests, clock.instant());
        seals.insertOne(new Document("_id", seal.number()).append("from", from).append("to", through)
                .append("previous", seal.previous()).append("hash", seal.hash()).append("digests", digests)
                .append("sealedAt", Date.from(seal.sealedAt())));
        seals.replaceOne(eq("_id", HEAD), new Document("_id", HEAD).append("number", seal.number()),
                new ReplaceOptions().upsert(true));
        return seal;
    }

    /** Every position's digest as the store holds it now. */
    List<String> digests(long from, long to) {
        Map<Long, String> text = new HashMap<>();
        history.textAt(LongStream.rangeClosed(from, to).boxed().toList())
                .forEach(t -> text.put(t.position(), SealHashes.eventDigest(t.canonical())));
        List<String> digests = new ArrayList<>();
        for (long p = from; p <= to; p++) {
            digests.add(text.getOrDefault(p, SealHashes.absentDigest(p)));
        }
        return digests;
    }

    void clear() {
        seals.deleteMany(new Document());
    }
}
