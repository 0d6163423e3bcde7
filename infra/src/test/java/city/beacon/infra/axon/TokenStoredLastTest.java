package city.beacon.infra.axon;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tracking processor's batch whose later writes fail — as when the node dies after the token was written and before
 * the saga's state, its commands' events or its deadline jobs were (a saga store's version conflict fails the same
 * way) — must be handled again, not skipped. Axon without a transaction manager stores the token first.
 */
class TokenStoredLastTest {
    /** Writes when asked, as axon-mongo's MongoTokenStore does (Axon's in-memory store itself waits for the commit). */
    private final TokenStore tokens = new WritesAtOnce(new InMemoryTokenStore());
    private final AtomicInteger attempts = new AtomicInteger();
    private final List<Object> effects = new CopyOnWriteArrayList<>();
    private TrackingEventProcessor processor;

    @AfterEach
    void stop() {
        if (processor != null) {
            processor.shutDown();
        }
    }

    @Test
    void aBatchWhoseEffectsFailedIsHandledAgain() {
        start(new TokenStoredLast(tokens));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects.contains("task requested"));
        assertThat(attempts).hasValue(2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(tokens.fetchToken("saga", 0).covers(new GlobalSequenceTrackingToken(0))).isTrue());
    }

    /** Axon's own behaviour, which the decorator corrects: the token covered the event before its effects failed. */
    @Test
    void withoutItTheFailedBatchsTokenIsAlreadyStored() {
        start(tokens);

        await().atMost(Duration.ofSeconds(30)).until(() -> attempts.get() >= 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(tokens.fetchToken("saga", 0).covers(new GlobalSequenceTrackingToken(0))).isTrue());
        assertThat(effects).isEmpty();
    }

    /** Stores from another thread, where no unit of work is running, so the in-memory store writes at once. */
    private record WritesAtOnce(TokenStore delegate) implements ForwardingTokenStore {
        @Override
        public void storeToken(TrackingToken token, String processorName, int segment) {
            CompletableFuture.runAsync(() -> delegate.storeToken(token, processorName, segment)).join();
        }
    }

    private void start(TokenStore tokenStore) {
        var events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        events.publish(GenericEventMessage.asEventMessage("task requested"));
        EventMessageHandler handler = event -> {
            CurrentUnitOfWork.get().onPrepareCommit(u -> {
                // the saga's state, the commands' events, the deadline job: written after the token in this phase
                if (attempts.incrementAndGet() == 1) {
                    throw new IllegalStateException("the node died before the batch's effects were written");
                }
                effects.add(event.getPayload());
            });
            return null;
        };
        processor = TrackingEventProcessor.builder()
                .name("saga")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(events)
                .tokenStore(tokenStore)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(10))
                .build();
        processor.start();
    }
}
