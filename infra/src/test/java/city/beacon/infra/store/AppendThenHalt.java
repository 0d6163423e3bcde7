package city.beacon.infra.store;

import city.beacon.infra.eventstore.BeaconEventStorageEngine;
import city.beacon.infra.eventstore.QuietLogs;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run in a child JVM by {@link DurableStoreIT}: appends events from several threads on an embedded store, prints
 * each acknowledged event, and halts the JVM (no shutdown hooks, no store close) right after the last acknowledgment.
 */
public final class AppendThenHalt {
    private AppendThenHalt() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int acknowledgements = Integer.parseInt(args[1]);
        QuietLogs.apply();
        var store = EmbeddedStore.start(file, "127.0.0.1", 0);
        var client = MongoClients.create(store.connectionString());
        var engine = BeaconEventStorageEngine.builder()
                .database(client.getDatabase("beacon"))
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .build();
        engine.ensureIndexes();
        var acknowledged = new AtomicInteger();
        for (int t = 0; t < 4; t++) {
            String aggregate = "writer-" + t;
            new Thread(() -> {
                for (long seq = 0; ; seq++) {
                    engine.appendEvents(List.of(new GenericDomainEventMessage<>("Thing", aggregate, seq, "event " + seq)));
                    synchronized (System.out) {
                        System.out.println("ACK " + aggregate + " " + seq);
                        System.out.flush();
                        if (acknowledged.incrementAndGet() >= acknowledgements) {
                            Runtime.getRuntime().halt(0);
                        }
                    }
                }
            }, aggregate).start();
        }
    }
}
