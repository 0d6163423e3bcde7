package city.beacon.infra.store;

import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs only the embedded store, so several Beacon nodes can share it:
 * {@code java -jar beacon.jar --beacon.role=store --beacon.embedded-store.port=27018
 * [--beacon.embedded-store.path=data/beacon.mv] [--beacon.embedded-store.host=127.0.0.1]
 * [--beacon.embedded-store.min-free-space=64MB]}. The floor can be changed while it runs:
 * {@code mongosh --port 27018 --eval 'db.adminCommand({setParameter: 1, beaconMinFreeSpace: "2GB"})'}.
 */
public final class StandaloneStore {
    /** sysexits' EX_IOERR: the store's file could not be written. */
    private static final int FILE_FAILED = 74;

    private StandaloneStore() { }

    public static void main(String[] args) throws InterruptedException {
        Path path = Path.of(option(args, "beacon.embedded-store.path", "data/beacon.mv"));
        int port = Integer.parseInt(option(args, "beacon.embedded-store.port", "27018"));
        String host = option(args, "beacon.embedded-store.host", "127.0.0.1");
        DataSize floor = DataSize.parse(option(args, "beacon.embedded-store.min-free-space",
                DiskSpaceFloor.DEFAULT.toBytes() + "B"));
        var store = EmbeddedStore.start(path, host, port, floor);
        // A file that failed to be written is closed for good; a store that stays up would answer every request with
        // an error. Gone, it is seen as unreachable (503) and comes back whole when restarted on the same file.
        store.onFileFailure(failure -> {
            System.err.println("Beacon store: writing " + path.toAbsolutePath() + " failed (" + failure
                    + "); exiting so that it can be restarted on the same file");
            Runtime.getRuntime().halt(FILE_FAILED);   // not exit: the shutdown hook would wait for this very thread
        });
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            stopped.countDown();
        }, "store-shutdown"));
        System.out.println("Beacon store listening on " + store.connectionString() + ", file " + path.toAbsolutePath());
        stopped.await();
    }

    private static String option(String[] args, String name, String fallback) {
        String prefix = "--" + name + "=";
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        String fromEnv = System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_'));
        return fromEnv == null ? fallback : fromEnv;
    }
}
