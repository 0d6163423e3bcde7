package city.beacon.infra.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;

/**
 * While the store refuses writes, tries one small write every {@code every}, so that {@link StoreWrites} (and
 * readiness, processors and the deadline server with it) learns that the store writes again within that time, even
 * when no operator is sending commands and every processor is waiting out its back-off. Writes nothing otherwise.
 */
class StoreWriteProbe implements AutoCloseable {
    static final String COLLECTION = "store_write_probe";

    private final StoreWrites writes;
    private final MongoCollection<Document> probes;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "store-write-probe");
        thread.setDaemon(true);
        return thread;
    });

    StoreWriteProbe(StoreWrites writes, MongoDatabase database, Clock clock, Duration every) {
        this.writes = writes;
        this.probes = database.getCollection(COLLECTION);
        this.clock = clock;
        long millis = every.toMillis();
        timer.scheduleWithFixedDelay(this::probeWhileRefused, millis, millis, TimeUnit.MILLISECONDS);
    }

    void probeWhileRefused() {
        if (writes.state().accepting()) {
            return;
        }
        try {
            probes.updateOne(eq("_id", "probe"), set("at", clock.instant().toString()),
                    new UpdateOptions().upsert(true));
        } catch (MongoException stillRefused) {
            // StoreWrites has heard the answer through the driver; nothing else to do until the next try.
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
