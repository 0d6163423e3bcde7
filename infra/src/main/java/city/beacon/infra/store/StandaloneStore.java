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
    private StandaloneStore() { }

    public static void main(String[] args) throws InterruptedException {
        Path path = Path.of(option(args, "beacon.embedded-store.path", "data/beacon.mv"));
        int port = Integer.parseInt(option(args, "beacon.embedded-store.port", "27018"));
        String host = option(args, "beacon.embedded-store.host", "127.0.0.1");
        DataSize floor = DataSize.parse(option(args, "beacon.embedded-store.min-free-space",
                DiskSpaceFloor.DEFAULT.toBytes() + "B"));
        var store = EmbeddedStore.start(path, host, port, floor);
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
