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
import org.springframework.util.unit.DataSize;

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
 * counts as a durable write: an unknown command costs a commit, never durability. While the disk has less free space
 * than its floor ({@link DiskSpaceFloor}) every write is refused before it touches the file, with MongoDB's own
 * {@code OutOfDiskSpace} error.
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
    private static final int BAD_VALUE = 2;
    /** Writes whose body names their one target collection as the command's value ({@code insert: "<coll>"}). */
    private static final Set<String> COLLECTION_WRITES = Set.of("insert", "update", "delete", "findandmodify");

    /** MongoDB's own code for a write refused for want of disk space, so any client can tell it apart. */
    static final int OUT_OF_DISK_SPACE = 14031;
    /** The {@code setParameter} field that changes {@link DiskSpaceFloor} at run time, in bytes or as "2GB". */
    static final String MIN_FREE_SPACE_PARAMETER = "beaconMinFreeSpace";

    private final H2Backend delegate;
    private final GroupCommit commit;
    private final DiskSpaceFloor floor;
    private final CollectionWrites writes = new CollectionWrites();

    DurableBackend(H2Backend delegate, GroupCommit commit, DiskSpaceFloor floor) {
        this.delegate = delegate;
        this.commit = commit;
        this.floor = floor;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document body = message.getDocument();
        Object database = body.get("$db");
        return commit.pinned(() -> route(commandName(body), body, database == null ? null : database.toString(),
                () -> delegate.handleMessage(message)));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return commit.pinned(() -> route(command, query, database,
                () -> delegate.handleCommand(channel, database, command, query)));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return commit.pinned(() -> commit.read(() -> delegate.handleQuery(query)));
    }

    @Override
    public void dropDatabase(String database) {
        commit.durableWrite(() -> {
            delegate.dropDatabase(database);
            return null;
        });
    }

    private Document route(String command, Document body, String database, Supplier<Document> handler) {
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
        if (name.equals("setparameter") && body.containsKey(MIN_FREE_SPACE_PARAMETER)) {
            return changeFloor(body.get(MIN_FREE_SPACE_PARAMETER));
        }
        // Every write, derived ones too: a write answered from memory still reaches the disk with the next commit.
        String refusal = floor.refusal();
        if (refusal != null) {
            return error(OUT_OF_DISK_SPACE, "OutOfDiskSpace", "the event store refused the write: " + refusal);
        }
        Object target = body.get(commandName(body));
        Supplier<Document> write = COLLECTION_WRITES.contains(name)
                ? () -> writes.oneAtATime(database, target, handler) : handler;
        if (COLLECTION_WRITES.contains(name) && isDerived(target) || ClaimExtensions.isClaimExtension(name, body)) {
            return commit.derivedWrite(write);
        }
        // A token is written durably for its processor's restart, not for readers (see GroupCommit).
        return commit.durableWrite(write, !isTokens(target));
    }

    private static boolean isTokens(Object collection) {
        return DurableCollections.TRACKING_TOKENS.equals(collection);
    }

    /** {@code {setParameter: 1, beaconMinFreeSpace: "2GB"}}: an operator's change of the floor, without a restart. */
    private Document changeFloor(Object value) {
        long bytes;
        try {
            bytes = value instanceof Number number ? number.longValue()
                    : DataSize.parse(String.valueOf(value)).toBytes();
            long was = floor.change(bytes);
            Document reply = new Document("was", was);
            reply.put("ok", 1.0);
            return reply;
        } catch (IllegalArgumentException e) {
            return error(BAD_VALUE, "BadValue", MIN_FREE_SPACE_PARAMETER + " must be a size such as 512MB or a "
                    + "number of bytes, not negative: " + value);
        }
    }

    private static Document error(int code, String codeName, String message) {
        Document reply = new Document("ok", 0.0);
        reply.put("errmsg", message);
        reply.put("code", code);
        reply.put("codeName", codeName);
        return reply;
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
