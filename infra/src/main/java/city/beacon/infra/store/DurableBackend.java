package city.beacon.infra.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Sits between mongo-java-server's wire handler and its H2 backend and sorts every command for {@link GroupCommit}:
 * reads (of a derived collection answered at once, of anything else after the durable writes started before them);
 * writes to a derived collection (answered from memory); and durable writes, answered only once on disk. A write
 * is derived only when its command is one of the plain data writes and the collection it names is not one of
 * {@link DurableCollections} whose writes wait for the disk; every other command that is not known to be read-only
 * counts as a durable write: an unknown command costs a commit, never durability.
 */
final class DurableBackend implements MongoBackend {
    /** Commands that touch no data at all: connection handshakes and monitoring. */
    private static final Set<String> DATALESS = Set.of("hello", "ismaster", "ping", "buildinfo", "whatsmyuri",
            "getparameter", "hostinfo", "endsessions", "killcursors", "saslstart", "saslcontinue", "getcmdlineopts",
            "getlog", "serverstatus", "connectionstatus", "getlasterror", "getfreemonitoringstatus");
    /** Commands that read data but change none. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listcollections",
            "listindexes", "listdatabases", "explain", "dbstats", "collstats", "currentop");
    /**
     * Reads of one named collection. Of a derived collection they need not wait for anything: it holds only what
     * processors derived from durable events, so it cannot show an event that a crash could take back.
     */
    private static final Set<String> DERIVED_READS = Set.of("find", "getmore", "count", "distinct");
    /** Writes whose body names their one target collection as the command's value ({@code insert: "<coll>"}). */
    private static final Set<String> COLLECTION_WRITES = Set.of("insert", "update", "delete", "findandmodify");

    private final H2Backend delegate;
    private final GroupCommit commit;

    DurableBackend(H2Backend delegate, GroupCommit commit) {
        this.delegate = delegate;
        this.commit = commit;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document body = message.getDocument();
        return route(commandName(body), body, () -> delegate.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return route(command, query, () -> delegate.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return commit.read(() -> delegate.handleQuery(query));
    }

    @Override
    public void dropDatabase(String database) {
        commit.durableWrite(() -> {
            delegate.dropDatabase(database);
            return null;
        });
    }

    private Document route(String command, Document body, Supplier<Document> handler) {
        String name = command.toLowerCase(Locale.ROOT);
        if (DATALESS.contains(name)) {
            return handler.get();
        }
        if (DERIVED_READS.contains(name) && isDerived(readTarget(name, body))) {
            return handler.get();
        }
        if (READS.contains(name) || (name.equals("aggregate") && !writesOutput(body))) {
            return commit.read(handler);
        }
        if (COLLECTION_WRITES.contains(name) && isDerived(body.get(commandName(body)))
                || ClaimExtensions.isClaimExtension(name, body)) {
            return commit.derivedWrite(handler);
        }
        return commit.durableWrite(handler);
    }

    /** {@code getMore} names its cursor's collection in a field of its own; the others as the command's value. */
    private static Object readTarget(String name, Document body) {
        return name.equals("getmore") ? body.get("collection") : body.get(commandName(body));
    }

    private static boolean isDerived(Object collection) {
        return collection instanceof String name && !name.isEmpty()
                && !DurableCollections.awaitsDiskOnEmbeddedStore(name);
    }

    private static String commandName(Document body) {
        return body.keySet().iterator().next();
    }

    /** An aggregation ending in $out or $merge writes a collection. */
    private static boolean writesOutput(Document body) {
        Object pipeline = body.get("pipeline");
        if (!(pipeline instanceof List<?> stages)) {
            return false;
        }
        return stages.stream().anyMatch(stage -> stage instanceof Document d
                && (d.containsKey("$out") || d.containsKey("$merge")));
    }

    @Override
    public void handleClose(Channel channel) {
        delegate.handleClose(channel);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return delegate.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return delegate.getServerStatus();
    }

    @Override
    public void close() {
        delegate.close();   // closing the MVStore commits whatever is left
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        delegate.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return delegate.getClock();
    }

    @Override
    public void enableOplog() {
        delegate.enableOplog();
    }

    @Override
    public void disableOplog() {
        delegate.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return delegate.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        delegate.version(version);
        return this;
    }
}
