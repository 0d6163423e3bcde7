package city.beacon.infra.bench;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.Reports;
import city.beacon.infra.support.StompProbe;
import city.beacon.query.incident.IncidentProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Prints the read side's figures for issue 5 (not a test; nothing here asserts):
 * 1. delay from a REST command to the STOMP frame at the client (p50/p99), with 1 and with 50 subscribed clients;
 * 2. time of each REST query with 100 and with N incidents in the store (most of them closed, as in real history);
 * 3. replay rate of the incident-detail projection over everything stored.
 * Run: see docs/benchmarks.md. Arguments: [commands=1000] [incidents=20000].
 */
public final class ReadSideBenchmark {

    public static void main(String[] args) throws Exception {
        int commands = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int incidents = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        var data = Files.createTempDirectory("beacon-bench");
        try (var node = BeaconNode.start(data, "--logging.level.root=WARN")) {
            var operator = node.as("operator");
            seed(operator, 100);
            queries(node, operator, "with 100 incidents");
            System.out.printf("REST -> STOMP delay, %d commands%n", commands);
            liveDelay(node, operator, commands, 1);
            liveDelay(node, operator, commands, 50);
            seed(operator, incidents - 100 - 2 * commands);
            queries(node, operator, "with " + incidents + " incidents");
            replay(node);
        }
        System.exit(0);
    }

    /**
     * Closed loop: one command at a time, the next only once every client has its frame, so the figure is the
     * delay itself and not a queue of commands sent faster than they are shown.
     */
    private static void liveDelay(BeaconNode node, Http operator, int commands, int clients) throws Exception {
        List<StompProbe> probes = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            var probe = StompProbe.connect(node.baseUrl(), "auditor", "auditor").subscribe("/topic/board");
            probe.next(m -> "SNAPSHOT".equals(m.path("kind").asText()), Duration.ofSeconds(30));
            probes.add(probe);
        }
        ExecutorService readers = Executors.newFixedThreadPool(Math.min(clients, 8));
        List<Long> delays = Collections.synchronizedList(new ArrayList<>());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < commands; i++) {
            String summary = "bench " + clients + "-" + i;
            long start = System.nanoTime();
            ids.add(operator.post("/api/incidents", Reports.gasLeak(summary)).json().get("id").asText());
            List<java.util.concurrent.Future<?>> arrivals = new ArrayList<>();
            for (var probe : probes) {
                arrivals.add(readers.submit(() -> {
                    probe.next(m -> summary.equals(m.path("payload").path("row").path("summary").asText()),
                            Duration.ofSeconds(30));
                    delays.add(System.nanoTime() - start);
                    return null;
                }));
            }
            for (var arrival : arrivals) {
                arrival.get();
            }
        }
        readers.shutdownNow();
        probes.forEach(StompProbe::close);
        System.out.printf("  %2d client(s): %d frames, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", clients,
                delays.size(), percentile(delays, 50), percentile(delays, 99), percentile(delays, 100));
        // Keep the board realistic for the later query timings: these incidents are over.
        ids.forEach(id -> operator.post("/api/incidents/" + id + "/cancel", "{\"reason\":\"benchmark\"}"));
    }

    private static void seed(Http operator, int count) {
        if (count <= 0) {
            return;
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < count; i++) {
            int n = i;
            pool.submit(() -> {
                var id = operator.post("/api/incidents", Reports.gasLeak("seed " + n)).json().get("id").asText();
                if (n % 50 != 0) {   // history: most incidents long over, a few still active
                    operator.post("/api/incidents/" + id + "/cancel", "{\"reason\":\"seeded history\"}");
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(2, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.printf("seeded %d incidents in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
    }

    private static void queries(BeaconNode node, Http operator, String label) throws InterruptedException {
        Thread.sleep(3000);   // let the projections catch up before timing reads
        var board = operator.get("/api/incidents");
        var someId = board.json().get(0).get("id").asText();
        System.out.printf("queries %s (board rows: %d)%n", label, board.json().size());
        time("GET /api/incidents (board)", () -> operator.get("/api/incidents"));
        time("GET /api/incidents/{id}", () -> operator.get("/api/incidents/" + someId));
        time("GET /api/departments/FIRE/queue", () -> operator.get("/api/departments/FIRE/queue"));
        time("GET /api/tasks?department=FIRE", () -> operator.get("/api/tasks?department=FIRE"));
    }

    private static void time(String label, Runnable query) {
        for (int i = 0; i < 5; i++) {
            query.run();
        }
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            query.run();
            samples.add(System.nanoTime() - start);
        }
        System.out.printf("  %-34s p50 %.2f ms, p99 %.2f ms%n", label, percentile(samples, 50), percentile(samples, 99));
    }

    /** Resets the incident-detail projection and times its rebuild from the whole stream. */
    static void replay(BeaconNode node) throws InterruptedException {
        var processing = node.bean(EventProcessingConfiguration.class);
        var processor = processing.eventProcessor(IncidentProjection.GROUP, StreamingEventProcessor.class).orElseThrow();
        long head = node.bean(EventStore.class).createHeadToken().position().orElse(0);
        processor.shutDown();
        processor.resetTokens();
        long start = System.nanoTime();
        processor.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (System.nanoTime() < deadline && !caughtUp(processor, head)) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("replay of %s over %d stored positions: %.1f s, %.0f positions/s%n",
                IncidentProjection.GROUP, head, seconds, head / seconds);
    }

    /** Both segments of the processor (application.yml) claimed and past the head the store had before. */
    private static boolean caughtUp(StreamingEventProcessor processor, long head) {
        var statuses = processor.processingStatus().values();
        return statuses.size() >= 2
                && statuses.stream().allMatch(status -> status.getCurrentPosition().orElse(0) >= head);
    }

    private static double percentile(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    private ReadSideBenchmark() { }
}
