package city.beacon.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Beacon's bench: {@code java -jar bench/target/beacon-bench.jar [scenario…] [--flags]} (docs/benchmarks.md). Starts
 * the embedded store and one Beacon node as their own processes from beacon.jar, drives the node over HTTP and STOMP
 * as users would, and pairs every figure with a baseline measured in the same run on the same store and disk.
 */
public final class BeaconBench {

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        if (!Files.isRegularFile(options.beaconJar())) {
            System.err.println("no " + options.beaconJar() + ": build first (mvn -B -ntp -DskipTests package), or pass"
                    + " --beacon-jar=…\n" + Options.USAGE);
            System.exit(2);
        }
        Path workDir = options.workDir() != null ? Files.createDirectories(options.workDir())
                : Files.createTempDirectory("beacon-bench");
        var report = new Report();
        report.context("date", Instant.now().toString());
        report.context("command", "java -jar bench/target/beacon-bench.jar " + String.join(" ", args));
        report.context("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version"));
        report.context("store", options.mongoUri() == null ? "embedded store (--beacon.role=store), " + workDir
                : "MongoDB " + options.mongoUri());
        report.context("options", options.toString());
        // Ctrl-C must not leave the store and the node running.
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroy), "stop-beacon-processes"));
        long start = System.nanoTime();
        int failures = 0;
        try {
            if (Stream.of("store", "append", "long").anyMatch(options::runs)) {
                try (var session = Session.start(options, "A", workDir, null)) {
                    var writes = new WriteScenarios(session, options, report);
                    failures += attempt("store", options, () -> writes.store());
                    failures += attempt("append", options, () -> writes.append());
                    // Last: on today's code the read model of a 10,000-event incident may still be being rewritten
                    // when the scenario ends.
                    failures += attempt("long", options, () -> new LongIncidentScenario(session, options, report).run());
                    memory(report, session, "store, append, long", null);
                }
            }
            if (options.runs("live")) {
                // A node of its own: consoles subscribe to a board as a city has it, not to the thousands of
                // incidents the append scenario leaves open, and no other scenario's backlog is being worked off.
                try (var session = Session.start(options, "L", workDir, null)) {
                    failures += attempt("live", options, () -> new LiveScenario(session, options, report).run());
                    memory(report, session, "live", null);
                }
            }
            if (options.runs("replay") || options.runs("flat")) {
                try (var session = Session.start(options, "B", workDir, options.replayXmx())) {
                    failures += attempt("replay", options, () -> new HistoryScenario(session, options, report).run());
                    memory(report, session, "replay, flat", options.replayXmx());
                }
            }
            if (options.runs("audit")) {
                // The audit processors alone work through the history; the other read models skip it.
                try (var session = Session.start(options, "U", workDir, options.replayXmx(),
                        List.of("--beacon.bench.not-replayed=" + AuditScenario.NOT_REPLAYED))) {
                    failures += attempt("audit", options, () -> new AuditScenario(session, options, report).run());
                    memory(report, session, "audit", options.replayXmx());
                }
            }
        } finally {
            report.context("seconds", Math.round((System.nanoTime() - start) / 1e9));
            report.print(System.out);
            Path file = report.write(options.results());
            System.out.printf("%nwritten %s; whole run %.0f s%n", file, (System.nanoTime() - start) / 1e9);
            if (!options.keep()) {
                delete(workDir);
            } else {
                System.out.println("work directory kept: " + workDir);
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    interface Step {
        void run() throws Exception;
    }

    /** Runs a scenario if asked for; a failing scenario is reported and the others still run. */
    private static int attempt(String scenario, Options options, Step step) {
        boolean wanted = scenario.equals("replay") ? options.runs("replay") || options.runs("flat")
                : options.runs(scenario);
        if (!wanted) {
            return 0;
        }
        long start = System.nanoTime();
        try {
            step.run();
            System.out.printf("%s done in %.0f s%n", scenario, (System.nanoTime() - start) / 1e9);
            return 0;
        } catch (Exception | AssertionError e) {
            System.out.println(scenario + " FAILED: " + e);
            e.printStackTrace(System.out);
            return 1;
        }
    }

    private static void memory(Report report, Session session, String during, String xmx) {
        String label = "Beacon node during " + during;
        String note = "heap limit " + Report.num(session.heapMaxMb()) + " MB" + (xmx == null ? "" : " (-Xmx" + xmx + ")");
        report.add(Row.alone("memory", "peak heap, " + label, "MB", List.of(session.heapPeakMb()), note));
        report.add(Row.alone("memory", "peak RSS (VmHWM), " + label, "MB", List.of(session.nodePeakRssMb()), null));
    }

    private static void delete(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private BeaconBench() { }
}
