package city.beacon.infra.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** The embedded MongoDB-compatible server on an H2 MVStore file, reachable over loopback TCP. */
public final class EmbeddedStore implements AutoCloseable {
    private final H2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedStore(H2Backend backend, MongoServer server, InetSocketAddress address) {
        this.backend = backend;
        this.server = server;
        this.address = address;
    }

    public static EmbeddedStore start(Path file, String host, int port) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the store directory for " + file, e);
        }
        var backend = new H2Backend(file.toString());
        var server = new MongoServer(backend);
        server.bind(host, port);
        return new EmbeddedStore(backend, server, server.getLocalAddress());
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        server.shutdown();
    }

    H2Backend backend() {
        return backend;
    }
}
