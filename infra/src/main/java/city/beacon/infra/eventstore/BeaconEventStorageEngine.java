package city.beacon.infra.eventstore;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Sorts.ascending;

/**
 * Beacon's event storage engine on MongoDB (DESIGN §4), through the plain driver: no transactions, change streams or
 * replica set needed. Each unit of work is one commit document (atomic), positions come from a counter (unique and
 * increasing), tracking readers use gap-aware tokens (nothing skipped when commits finish out of order), and every
 * hot read is a {@code $in} on a unique single-field index. docs/event-store.md has the layout and guarantees.
 */
public class BeaconEventStorageEngine extends BatchingEventStorageEngine {
    private final EventStoreCollections collections;
    private final CommitAppender appender;
    private final TrackedEventReader streamReader;
    private final AggregateEventReader aggregateReader;
    private final SnapshotStore snapshots;
    private final StoredHistory history;

    protected BeaconEventStorageEngine(Builder builder) {
        super(builder);
        this.collections = new EventStoreCollections(builder.database);
        var counter = new PositionCounter(collections.counters());
        var lookup = new CommitLookup(collections.commits());
        this.appender = new CommitAppender(collections, counter, builder.clock, builder.commitHook);
        this.streamReader = new TrackedEventReader(lookup, counter, builder.clock, builder.gapTimeout,
                builder.maxGapOffset);
        this.aggregateReader = new AggregateEventReader(lookup);
        this.snapshots = new SnapshotStore(collections.snapshots());
        this.history = new StoredHistory(lookup, counter, getEventSerializer(), upcasterChain);
    }

    /** Keyed reads of the stream for auditors (docs/audit.md). */
    public StoredHistory history() {
        return history;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the unique indexes the engine relies on; idempotent, call once at start-up. */
    public void ensureIndexes() {
        collections.ensureIndexes();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        try {
            appender.append(events, serializer);
        } catch (MongoException | EventStoreException e) {
            handlePersistenceException(e, conflictingEvent(events, e));
        }
    }

    /**
     * The event whose aggregate key the store reported as taken (MongoDB and the embedded server both quote it), so
     * Axon can tell a duplicate creation (sequence 0) from a lost race; the commit's first event if none is named.
     */
    private static EventMessage<?> conflictingEvent(List<? extends EventMessage<?>> events, Exception failure) {
        String message = String.valueOf(failure.getMessage());
        for (EventMessage<?> event : events) {
            if (message.contains("\"" + CommitDocument.aggregateKey(event) + "\"")) {
                return event;
            }
        }
        return events.get(0);
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        try {
            snapshots.store(snapshot, serializer);
        } catch (MongoException e) {
            throw new EventStoreException("could not store a snapshot of " + snapshot.getAggregateIdentifier(), e);
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return snapshots.read(aggregateIdentifier).stream();
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return streamReader.fetch(lastToken, batchSize);
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        return aggregateReader.fetch(aggregateIdentifier, firstSequenceNumber, batchSize).stream()
                .map(StoredEvent::data)
                .toList();
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return aggregateReader.lastSequence(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return null;   // null means "from position 1"
    }

    @Override
    public TrackingToken createHeadToken() {
        return streamReader.headToken(batchSize());
    }

    /**
     * The position before the first commit at or after {@code dateTime}. Used only to reset a processor to a point in
     * time, so it may scan: it is the one query here that is not keyed.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        Document first = collections.commits().find(gte(CommitDocument.COMMITTED_AT, Date.from(dateTime)))
                .sort(ascending(CommitDocument.ID)).limit(1).first();
        if (first == null) {
            return createHeadToken();
        }
        long position = first.get(CommitDocument.ID, Number.class).longValue();
        return position <= 1 ? null : GapAwareTrackingToken.newInstance(position - 1, Collections.emptySortedSet());
    }

    public static class Builder extends BatchingEventStorageEngine.Builder {
        private MongoDatabase database;
        private Clock clock = Clock.systemUTC();
        private Duration gapTimeout = Duration.ofMinutes(1);
        private int maxGapOffset = 10_000;
        private CommitHook commitHook = CommitHook.NONE;

        protected Builder() {
            persistenceExceptionResolver(CommitAppender::isAggregateKeyConflict);
            snapshotSerializer(AggregateSnapshotSerializer.create());
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** The clock that stamps commits and ages gaps; writers and readers should share it. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long a reserved position may stay invisible before tracking readers stop waiting for it. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = Objects.requireNonNull(gapTimeout, "gapTimeout");
            return this;
        }

        /** How far below the token's index a gap may lie before it is dropped (Axon's default: 10,000). */
        public Builder maxGapOffset(int maxGapOffset) {
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        Builder commitHook(CommitHook commitHook) {
            this.commitHook = Objects.requireNonNull(commitHook, "commitHook");
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            if (database == null) {
                throw new AxonConfigurationException("The MongoDatabase of the event store is required");
            }
            if (gapTimeout.isNegative()) {
                throw new AxonConfigurationException("The gap timeout must not be negative");
            }
            super.validate();
        }

        public BeaconEventStorageEngine build() {
            return new BeaconEventStorageEngine(this);
        }
    }
}
