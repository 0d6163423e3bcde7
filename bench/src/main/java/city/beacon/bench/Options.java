package city.beacon.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command line: {@code [scenario…] [--flag=value…]}. Scenarios: store, append, live, long, replay, flat (all by
 * default; memory is reported for whichever ran). Defaults fit a 2-core machine in under 10 minutes on today's code.
 */
record Options(Set<String> scenarios, int reps, List<Integer> appendClients, List<Integer> storeClients,
               double appendSeconds, int subscribers, List<Integer> liveRates, double liveSeconds,
               List<Integer> longSizes, double longWaitSeconds, int smallEvents, int events, double replaySeconds,
               double catchUpSeconds, String replayXmx, String mongoUri, Path beaconJar, Path results, Path workDir,
               boolean keep, int auditEvents, int auditIncidentSamples, int auditBoardSamples) {

    static final List<String> ALL = List.of("store", "append", "live", "long", "replay", "flat");
    /** Run only when named: filling their history takes longer than all the others together. */
    static final List<String> ON_REQUEST = List.of("audit");

    static final String USAGE = """
            java -jar bench/target/beacon-bench.jar [scenario…] [--flag=value…]
              scenarios: store append live long replay flat (default: all; memory is reported for what ran)
                         audit (only when named: 200,000 events take tens of minutes to fill and index)
              --reps=3                 repetitions per figure (median and min–max reported)
              --clients=1,4,16         append: closed-loop clients (the raw baseline uses the same)
              --store-clients=1,16     store: raw driver clients
              --seconds=3              append/store: seconds per repetition
              --subscribers=200        live: STOMP subscribers on /topic/board
              --rates=50,200,500       live: commands per second (open loop)
              --live-seconds=2         live: seconds of commands per repetition
              --long=10,1000,10000     long: events in the incident
              --long-wait=45           long: seconds to wait for the read model
              --small-events=1000      flat: the small history
              --events=10000           replay/flat: the large history (1000000 for the full run)
              --replay-seconds=20      replay: a repetition stops after this long (rate from progress so far)
              --catch-up=240           replay/flat: seconds to wait for projections after filling history
              --replay-xmx=512m        run the replay/flat node with this -Xmx
              --audit-events=200000    audit: events in the history (20 per incident)
              --audit-incidents=300    audit: incidents at T sampled per repetition
              --audit-boards=60        audit: boards at T sampled per repetition
              --mongo-uri=mongodb://…  run against that MongoDB instead of starting the embedded store
              --beacon-jar=infra/target/beacon.jar
              --results=bench/results  where <date>.json goes
              --work-dir=<temp>        data, logs; --keep leaves it in place
            """;

    static Options parse(String[] args) {
        Set<String> scenarios = new LinkedHashSet<>();
        var o = new java.util.HashMap<String, String>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(USAGE);
                System.exit(0);
            } else if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                o.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
            } else if (ALL.contains(arg) || ON_REQUEST.contains(arg) || arg.equals("memory")) {
                scenarios.add(arg);
            } else {
                throw new IllegalArgumentException("unknown scenario " + arg + "\n" + USAGE);
            }
        }
        if (scenarios.isEmpty() || scenarios.equals(Set.of("memory"))) {
            scenarios.addAll(ALL);
        }
        Path workDir = o.containsKey("work-dir") ? Path.of(o.get("work-dir")) : null;
        return new Options(scenarios, Integer.parseInt(o.getOrDefault("reps", "3")),
                ints(o.getOrDefault("clients", "1,4,16")), ints(o.getOrDefault("store-clients", "1,16")),
                Double.parseDouble(o.getOrDefault("seconds", "3")),
                Integer.parseInt(o.getOrDefault("subscribers", "200")), ints(o.getOrDefault("rates", "50,200,500")),
                Double.parseDouble(o.getOrDefault("live-seconds", "2")), ints(o.getOrDefault("long", "10,1000,10000")),
                Double.parseDouble(o.getOrDefault("long-wait", "45")),
                Integer.parseInt(o.getOrDefault("small-events", "1000")),
                Integer.parseInt(o.getOrDefault("events", "10000")),
                Double.parseDouble(o.getOrDefault("replay-seconds", "20")),
                Double.parseDouble(o.getOrDefault("catch-up", "240")), o.get("replay-xmx"), o.get("mongo-uri"),
                Path.of(o.getOrDefault("beacon-jar", "infra/target/beacon.jar")),
                Path.of(o.getOrDefault("results", "bench/results")), workDir, o.containsKey("keep"),
                Integer.parseInt(o.getOrDefault("audit-events", "200000")),
                Integer.parseInt(o.getOrDefault("audit-incidents", "300")),
                Integer.parseInt(o.getOrDefault("audit-boards", "60")));
    }

    private static List<Integer> ints(String csv) {
        List<Integer> values = new ArrayList<>();
        for (String part : csv.split(",")) {
            values.add(Integer.parseInt(part.trim()));
        }
        return values;
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }
}
