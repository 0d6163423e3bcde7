package city.beacon.infra.incident;

import city.beacon.api.incident.IncidentNumber;
import city.beacon.infra.store.EmbeddedStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class MongoIncidentNumbersTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    @TempDir
    Path data;
    private EmbeddedStore store;
    private MongoClient client;
    private MongoIncidentNumbers numbers;

    @BeforeEach
    void start() {
        store = EmbeddedStore.start(data.resolve("numbers.mv"), "127.0.0.1", 0);
        client = MongoClients.create(store.connectionString());
        numbers = new MongoIncidentNumbers(client.getDatabase("beacon"), SHANGHAI);
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
    }

    @Test
    void concurrentReportsNeverShareANumber() throws Exception {
        var at = Instant.parse("2026-11-28T03:00:00Z");
        var pool = Executors.newFixedThreadPool(8);
        List<Future<IncidentNumber>> drawn = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            drawn.add(pool.submit((Callable<IncidentNumber>) () -> numbers.next(at)));
        }
        var values = new ArrayList<String>();
        for (var future : drawn) {
            values.add(future.get().value());
        }
        pool.shutdown();
        // Unique is the promise; a race between two first reports of the day may skip a number, never repeat one.
        assertThat(values).doesNotHaveDuplicates().hasSize(400)
                .allMatch(value -> value.compareTo("20261128-0001") >= 0 && value.compareTo("20261128-0420") <= 0);
    }

    @Test
    void theSequenceRestartsAtTheCitysMidnightNotUtcs() {
        // 15:59 UTC is 23:59 in Shanghai; 16:00 UTC is already the next day there.
        assertThat(numbers.next(Instant.parse("2026-11-28T15:59:00Z")).value()).isEqualTo("20261128-0001");
        assertThat(numbers.next(Instant.parse("2026-11-28T16:00:00Z")).value()).isEqualTo("20261129-0001");
        assertThat(numbers.next(Instant.parse("2026-11-29T01:00:00Z")).value()).isEqualTo("20261129-0002");
    }
}
