package city.beacon.infra.bench;

import city.beacon.infra.support.BeaconNode;

import java.nio.file.Path;

/**
 * Prints how fast the incident-detail projection is rebuilt from a store that already holds history, e.g. the data
 * directory a ReadSideBenchmark run left behind. Argument: the data directory (holding beacon.mv).
 */
public final class ReplayBenchmark {

    public static void main(String[] args) throws Exception {
        try (var node = BeaconNode.start(Path.of(args[0]), "--logging.level.root=WARN")) {
            ReadSideBenchmark.replay(node);
        }
        System.exit(0);
    }

    private ReplayBenchmark() { }
}
