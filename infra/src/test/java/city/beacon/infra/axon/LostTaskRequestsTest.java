package city.beacon.infra.axon;

import city.beacon.api.common.Department;
import city.beacon.api.incident.*;
import city.beacon.api.plan.PlanLine;
import city.beacon.api.plan.ResponsePlan;
import city.beacon.api.task.EscalationStep;
import city.beacon.api.task.Priority;
import city.beacon.api.task.TaskRequestedEvent;
import city.beacon.command.task.Task;
import city.beacon.saga.notify.DepartmentNotifier;
import city.beacon.saga.response.AutomaticActions;
import city.beacon.saga.response.IncidentResponseSaga;
import city.beacon.saga.response.ResponsePlans;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.inmemory.InMemorySagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The response saga's batch writes the saga first, then its commands' events, then its token (there is no transaction
 * across them). Whatever part of that a store refusal or a dead node loses, the confirmed incident ends with each task
 * of its plan requested once: the real Task, saga and tracking processor, on Axon's in-memory stores.
 */
class LostTaskRequestsTest {
    /** Now, fixed: the deadline manager schedules by the wall clock, and no acknowledgment deadline falls due here. */
    private static final Instant NOW = Instant.now();
    private static final IncidentId INCIDENT = new IncidentId("incident-1");
    private static final List<Department> PLANNED = List.of(Department.GAS_UTILITY, Department.FIRE, Department.POLICE);
    private final AtomicBoolean refuseOnce = new AtomicBoolean(true);
    private static final String SAGA_PROCESSOR = "IncidentResponseSagaProcessor";
    private final InMemoryEventStorageEngine events = new InMemoryEventStorageEngine();
    private final TokenStore tokens = new InMemoryTokenStore();
    private Configuration axon;

    @AfterEach
    void stop() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void requestsTheStoreRefusedAreAskedAgain() {
        start(new StoreLike(events, refuseOnce), tokens);

        reportAndConfirm();

        awaitEachPlannedTaskRequestedOnce();
        assertThat(refuseOnce).as("the store refused the saga's batch once").isFalse();
    }

    @Test
    void requestsStoredBeforeTheTokenWasLostAreNotAskedTwice() {
        // The node died after the task requests' events were stored, before the token: the confirmation is handled
        // again, the saga asks again, and the Tasks that exist ignore it instead of failing the batch forever.
        start(new StoreLike(events, null), new FailsFirstTokenAfterTaskRequests(tokens, events, refuseOnce));

        reportAndConfirm();

        awaitEachPlannedTaskRequestedOnce();
        assertThat(refuseOnce).as("the token write failed once").isFalse();
    }

    private void reportAndConfirm() {
        var report = new IncidentReportedEvent(INCIDENT, IncidentNumber.of(LocalDate.ofInstant(NOW, ZoneOffset.UTC), 1),
                IncidentType.GAS_LEAK, Severity.SEVERE, Urgency.IMMEDIATE, Certainty.OBSERVED,
                Location.at(31.2304, 121.4737, "Nanjing Road 100"), "Gas main pressure drop",
                new IncidentSource(SourceKind.OPERATOR, "operator"), false, NOW);
        axon.eventBus().publish(incidentEvent(report, 0), incidentEvent(new IncidentConfirmedEvent(INCIDENT, NOW), 1));
    }

    private static EventMessage<?> incidentEvent(Object payload, long sequence) {
        return new GenericDomainEventMessage<>("Incident", INCIDENT.value(), sequence,
                payload);
    }

    /** Once the saga has handled everything stored: a batch failing for good would never get there. */
    private void awaitEachPlannedTaskRequestedOnce() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var head = events.createHeadToken();
            assertThat(head).isNotNull();
            assertThat(tokens.fetchToken(SAGA_PROCESSOR, 0)).isNotNull()
                    .satisfies(token -> assertThat(token.covers(head)).isTrue());
            assertThat(taskRequests().map(TaskRequestedEvent::department).toList())
                    .containsExactlyInAnyOrderElementsOf(PLANNED);
        });
    }

    private Stream<TaskRequestedEvent> taskRequests() {
        return events.readEvents(null, false)
                .map(EventMessage::getPayload)
                .filter(TaskRequestedEvent.class::isInstance)
                .map(TaskRequestedEvent.class::cast);
    }

    private void start(EventStorageEngine storage, TokenStore tokens) {
        var clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var lines = PLANNED.stream()
                .map(department -> new PlanLine(department, "Respond", Priority.HIGH, Duration.ofMinutes(5), null,
                        List.of(EscalationStep.RENOTIFY)))
                .toList();
        ResponsePlans plans = (type, severity) -> new ResponsePlan("gas", 1, type, severity, lines);
        var configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> storage)
                .configureAggregate(Task.class)
                .registerComponent(Clock.class, c -> clock)
                .registerComponent(ResponsePlans.class, c -> plans)
                .registerComponent(AutomaticActions.class, c -> AutomaticActions.NONE)
                .registerComponent(DepartmentNotifier.class, c -> notice -> { })
                .registerComponent(DeadlineManager.class, c -> SimpleDeadlineManager.builder()
                        .scopeAwareProvider(c.scopeAwareProvider()).build());
        configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .registerTokenStore(c -> new TokenStoredLast(tokens))
                .registerSaga(IncidentResponseSaga.class, saga -> saga.configureSagaStore(c -> new KeptAsJson()))
                // One event per batch: a batch that also held the task requests' own events would store the saga
                // having seen them, and hide a repeated request that fails its batch for good. From the tail: a saga
                // processor starts at the head by default, and one that claimed its token only after the test
                // published the report would never see it (CI failed once that way, with no task requested).
                .registerTrackingEventProcessorConfiguration(SAGA_PROCESSOR, c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andBatchSize(1)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken));
        axon = configurer.buildConfiguration();
        axon.start();
    }

    /**
     * Axon's in-memory store, refusing what Beacon's store refuses: a second event at an aggregate's sequence number
     * (its unique index), and — once, when {@code refuseOnce} is set — an append that carries a task request, as when
     * its disk filled.
     */
    private record StoreLike(InMemoryEventStorageEngine delegate, AtomicBoolean refuseOnce)
            implements EventStorageEngine {
        @Override
        public void appendEvents(List<? extends EventMessage<?>> appended) {
            if (refuseOnce != null && appended.stream().anyMatch(e -> e.getPayload() instanceof TaskRequestedEvent)
                    && refuseOnce.compareAndSet(true, false)) {
                throw new IllegalStateException("the store refuses writes: its disk is full");
            }
            for (var event : appended) {
                if (event instanceof DomainEventMessage<?> domain && domain.getSequenceNumber()
                        <= lastSequenceNumberFor(domain.getAggregateIdentifier()).orElse(-1L)) {
                    throw new AggregateStreamCreationException("duplicate: " + domain.getAggregateIdentifier()
                            + " at " + domain.getSequenceNumber());
                }
            }
            // From a thread with no unit of work: Axon's in-memory store would wait for one's commit, which in a
            // batch may already be past; Beacon's store writes when asked.
            CompletableFuture.runAsync(() -> delegate.appendEvents(appended)).join();
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            delegate.storeSnapshot(snapshot);
        }

        @Override
        public Stream<? extends org.axonframework.eventhandling.TrackedEventMessage<?>> readEvents(
                TrackingToken trackingToken, boolean mayBlock) {
            return delegate.readEvents(trackingToken, mayBlock);
        }

        @Override
        public org.axonframework.eventsourcing.eventstore.DomainEventStream readEvents(String aggregateIdentifier,
                                                                                       long firstSequenceNumber) {
            return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(
                String aggregateIdentifier) {
            return delegate.readSnapshot(aggregateIdentifier);
        }

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            var last = delegate.readEvents(aggregateIdentifier, 0).asStream()
                    .mapToLong(DomainEventMessage::getSequenceNumber).max();
            return last.isPresent() ? Optional.of(last.getAsLong()) : Optional.empty();
        }

        @Override
        public TrackingToken createTailToken() {
            return delegate.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return delegate.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return delegate.createTokenAt(dateTime);
        }
    }

    /**
     * Keeps each saga as JSON, as Beacon's saga store does: a batch handled again starts from the state last stored,
     * never from the instance a failed attempt changed (Axon's in-memory store keeps that very instance).
     */
    private static final class KeptAsJson implements SagaStore<Object> {
        private final Serializer json = JacksonSerializer.builder().objectMapper(new ObjectMapper()
                .findAndRegisterModules().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).build();
        private final InMemorySagaStore delegate = new InMemorySagaStore();

        @Override
        public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
            return delegate.findSagas(sagaType, associationValue);
        }

        @Override
        public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
            Entry<S> stored = delegate.loadSaga(sagaType, sagaIdentifier);
            if (stored == null) {
                return null;
            }
            var saga = copy(stored.saga());
            var associations = Set.copyOf(stored.associationValues());
            return new Entry<>() {
                @Override
                public Set<AssociationValue> associationValues() {
                    return associations;
                }

                @Override
                public S saga() {
                    return saga;
                }
            };
        }

        @Override
        public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
            delegate.deleteSaga(sagaType, sagaIdentifier, associationValues);
        }

        @Override
        public void insertSaga(Class<?> sagaType, String sagaIdentifier, Object saga,
                               Set<AssociationValue> associationValues) {
            delegate.insertSaga(sagaType, sagaIdentifier, copy(saga), associationValues);
        }

        @Override
        public void updateSaga(Class<?> sagaType, String sagaIdentifier, Object saga,
                               AssociationValues associationValues) {
            delegate.updateSaga(sagaType, sagaIdentifier, copy(saga), associationValues);
        }

        private <S> S copy(S saga) {
            return json.deserialize(json.serialize(saga, String.class));
        }
    }

    /** A node that dies once between a batch's task requests reaching the store and its token. */
    private record FailsFirstTokenAfterTaskRequests(TokenStore delegate, InMemoryEventStorageEngine events,
                                                    AtomicBoolean once) implements ForwardingTokenStore {
        @Override
        public void storeToken(TrackingToken token, String processorName, int segment) {
            boolean requestsStored = events.readEvents(null, false)
                    .anyMatch(e -> e.getPayload() instanceof TaskRequestedEvent);
            if (processorName.equals(SAGA_PROCESSOR) && requestsStored && once.compareAndSet(true, false)) {
                throw new IllegalStateException("the node died before storing its token");
            }
            delegate.storeToken(token, processorName, segment);
        }
    }
}
