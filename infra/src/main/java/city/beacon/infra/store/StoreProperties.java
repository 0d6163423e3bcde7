package city.beacon.infra.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

import org.springframework.util.unit.DataSize;

import java.nio.file.Path;

/**
 * Where Beacon keeps its data. With {@code beacon.mongodb.uri} set, that MongoDB is used and nothing is started;
 * without it, the embedded MongoDB-compatible store is started on {@code beacon.embedded-store.path}.
 */
@ConfigurationProperties(prefix = "beacon")
public record StoreProperties(Mongodb mongodb, EmbeddedStore embeddedStore) {

    public StoreProperties {
        mongodb = mongodb == null ? new Mongodb(null, null) : mongodb;
        embeddedStore = embeddedStore == null ? new EmbeddedStore(null, 0, null) : embeddedStore;
    }

    public boolean embedded() {
        return mongodb.uri() == null || mongodb.uri().isBlank();
    }

    /** @param uri a MongoDB connection string; empty means "use the embedded store" */
    public record Mongodb(String uri, String database) {
        public Mongodb {
            database = database == null || database.isBlank() ? "beacon" : database;
        }
    }

    /**
     * @param path         the H2 MVStore file
     * @param port         0 picks a free loopback port
     * @param minFreeSpace writes are refused while the file's disk has less usable space (default 64MB)
     */
    public record EmbeddedStore(Path path, int port, DataSize minFreeSpace) {
        public EmbeddedStore {
            path = path == null ? Path.of("data", "beacon.mv") : path;
            minFreeSpace = minFreeSpace == null ? DiskSpaceFloor.DEFAULT : minFreeSpace;
        }
    }
}
