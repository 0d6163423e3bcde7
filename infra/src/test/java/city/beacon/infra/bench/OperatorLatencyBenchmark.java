package city.beacon.infra.bench;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Reports;
import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Prints how long an operator waits to report and confirm a severe gas leak (which tasks six departments) when every
 * department system is healthy, and when every one is down (nothing listening). Not a test; nothing asserts.
 * Arguments: [incidents=200].
 */
public final class OperatorLatencyBenchmark {
    private static final List<String> DEPARTMENTS = List.of("gas_utility", "fire", "police", "traffic", "medical",
            "environment");

    public static void main(String[] args) throws Exception {
        int incidents = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        var healthy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        healthy.setExecutor(Executors.newFixedThreadPool(8));
        healthy.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        healthy.start();
        measure("all six department systems healthy", "http://127.0.0.1:" + healthy.getAddress().getPort() + "/tasks",
                incidents);
        healthy.stop(0);
        measure("all six department systems down", "http://127.0.0.1:9/tasks", incidents);
        System.exit(0);
    }

    private static void measure(String label, String webhook, int incidents) throws Exception {
        List<String> args = new ArrayList<>(List.of("--logging.level.root=WARN"));
        DEPARTMENTS.forEach(d -> args.add("--beacon.departments." + d + ".webhook-url=" + webhook));
        try (var node = BeaconNode.start(Files.createTempDirectory("beacon-latency"), args.toArray(String[]::new))) {
            var operator = node.as("operator");
            for (int i = 0; i < 20; i++) {   // warm-up
                var id = operator.post("/api/incidents", Reports.gasLeak("warm-up " + i)).json().get("id").asText();
                operator.post("/api/incidents/" + id + "/confirm", null);
            }
            List<Long> report = new ArrayList<>();
            List<Long> confirm = new ArrayList<>();
            for (int i = 0; i < incidents; i++) {
                long start = System.nanoTime();
                var id = operator.post("/api/incidents", Reports.gasLeak("latency " + i)).json().get("id").asText();
                long reported = System.nanoTime();
                operator.post("/api/incidents/" + id + "/confirm", null);
                report.add(reported - start);
                confirm.add(System.nanoTime() - reported);
            }
            System.out.printf("%s, %d incidents: report p50 %.1f ms p99 %.1f ms; confirm p50 %.1f ms p99 %.1f ms%n",
                    label, incidents, pct(report, 50), pct(report, 99), pct(confirm, 50), pct(confirm, 99));
        }
    }

    private static double pct(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private OperatorLatencyBenchmark() { }
}
