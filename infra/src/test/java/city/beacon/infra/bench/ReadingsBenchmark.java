package city.beacon.infra.bench;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.KeyedHttp;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints the readings endpoint's throughput on the embedded store (not a test; nothing here asserts): a node with
 * the demo profile, {@code sensors} registered gas sensors, {@code clients} gateways each posting batches of
 * {@code batch} normal readings (spread over all sensors) over HTTP for {@code seconds}. Run: see docs/sensors.md.
 * Arguments: [sensors=200] [batch=1000] [clients=4] [seconds=20].
 */
public final class ReadingsBenchmark {

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");   // closed network: no look-ups
        int sensors = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        var data = Files.createTempDirectory("beacon-readings-bench");
        try (var node = BeaconNode.start(data, "--logging.level.root=WARN")) {
            register(node, sensors);
            var gateway = new KeyedHttp(node.baseUrl(), "demo-sensor-key");
            var start = Instant.now().minusSeconds(7 * 24 * 3600);   // timestamps step forward from a week ago
            var clock = new AtomicLong();
            run(gateway, sensors, batch, clients, 3, start, clock, "warm-up");
            run(gateway, sensors, batch, clients, seconds, start, clock, "measured");
        }
        System.exit(0);
    }

    private static void run(KeyedHttp gateway, int sensors, int batch, int clients, int seconds, Instant start,
                            AtomicLong clock, String label) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        var accepted = new AtomicLong();
        var batches = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long began = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    var body = new StringBuilder("[");
                    for (int i = 0; i < batch; i++) {
                        long tick = clock.getAndIncrement();
                        int sensor = (int) (tick % sensors);
                        var at = start.plusMillis(tick);   // unique per reading: every one is new
                        if (i > 0) {
                            body.append(',');
                        }
                        body.append("{\"sensorId\":\"BM-%04d\",\"value\":%s,\"unit\":\"MPa\",\"at\":\"%s\"}"
                                .formatted(sensor, 0.39 + (tick % 20) * 0.001, at));
                    }
                    var response = gateway.postJson("/api/sensors/readings", body.append(']').toString());
                    if (response.status() != 200) {
                        throw new IllegalStateException(response.toString());
                    }
                    accepted.addAndGet(response.json().path("accepted").asLong());
                    batches.incrementAndGet();
                }
                return null;
            }));
        }
        for (var future : running) {
            future.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - began) / 1e9;
        System.out.printf("%-9s %d clients × batches of %d over %d sensors: %d readings accepted in %.1f s = %.0f readings/s"
                        + " (%.1f ms per batch)%n", label, clients, batch, sensors, accepted.get(), elapsed,
                accepted.get() / elapsed, elapsed * 1000 * clients / Math.max(1, batches.get()));
    }

    private static void register(BeaconNode node, int sensors) {
        var admin = node.as("admin");
        for (int i = 0; i < sensors; i++) {
            var response = admin.post("/api/admin/sensors", """
                    {"id":"BM-%04d","kind":"GAS_PRESSURE","name":"Bench main %d","lat":%s,"lon":%s,
                     "department":"GAS_UTILITY","unit":"MPa","physical":{"min":0,"max":1.6},
                     "normal":{"min":0.38,"max":0.42},"alarm":{"low":0.32,"high":0.5},"incidentType":"GAS_LEAK"}"""
                    .formatted(i, i, 31.20 + i * 0.0001, 121.45 + i * 0.0001));
            if (response.status() != 201) {
                throw new IllegalStateException(response.toString());
            }
        }
        var operator = node.as("operator");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (operator.get("/api/sensors").json().size() < sensors && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
