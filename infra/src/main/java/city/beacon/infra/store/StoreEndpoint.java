package city.beacon.infra.store;

/**
 * The MongoDB Beacon talks to: a configured URI, or the embedded store started for this node. Closing it stops
 * the embedded store; Spring closes it after the client that depends on it.
 */
public final class StoreEndpoint implements AutoCloseable {
    private final String connectionString;
    private final EmbeddedStore embedded;

    private StoreEndpoint(String connectionString, EmbeddedStore embedded) {
        this.connectionString = connectionString;
        this.embedded = embedded;
    }

    public static StoreEndpoint from(StoreProperties properties) {
        if (!properties.embedded()) {
            return new StoreEndpoint(properties.mongodb().uri(), null);
        }
        var settings = properties.embeddedStore();
        var store = EmbeddedStore.start(settings.path(), "127.0.0.1", settings.port(), settings.minFreeSpace());
        return new StoreEndpoint(store.connectionString(), store);
    }

    public String connectionString() {
        return connectionString;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
