package city.beacon.query.support;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Role;
import city.beacon.api.incident.*;
import city.beacon.query.board.BoardStore;
import city.beacon.query.incident.IncidentEvolution;
import city.beacon.query.incident.IncidentProjection;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incident that lives long: 10,000 events. No read-model document may grow with it (MongoDB refuses documents
 * over 16 MB, and rewriting a growing document makes each event cost more than the last): the incident's document
 * holds the latest timeline page, earlier pages are documents of their own, each found by key.
 */
class LongIncidentTest {
    static final int EVENTS = 10_000;
    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    static final IncidentId INCIDENT = new IncidentId("long-incident");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private IncidentProjection projection;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        database = client.getDatabase("test");
        projection = new IncidentProjection(database, new BoardStore(database));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void tenThousandEventsStoreNoLargeDocumentAndTheDetailAndAnyPageAreOneKeyedRead() throws Exception {
        var history = new TrackedHistory(history());
        new BatchProcessor(projection, 100).process(history.delivered(IntStream.rangeClosed(1, EVENTS).boxed().toList(),
                null));

        int largest = 0;
        for (String name : List.of("incidents", "incident_timeline", "board")) {
            for (Document document : database.getCollection(name).find()) {
                largest = Math.max(largest, RawBsonDocument.parse(document.toJson()).getByteBuffer().remaining());
            }
        }
        assertThat(largest).as("largest document in bytes").isLessThan(1024 * 1024);
        System.out.printf("long incident: %d events, largest read-model document %d bytes%n", EVENTS, largest);

        var detail = ask(new FindIncidentQuery(INCIDENT), IncidentView.class).orElseThrow();
        assertThat(detail.version()).isEqualTo(EVENTS - 1);
        assertThat(detail.timeline()).hasSizeLessThanOrEqualTo(IncidentEvolution.TIMELINE_PAGE);

        var latest = ask(new FindIncidentTimelineQuery(INCIDENT, null), TimelinePageView.class).orElseThrow();
        assertThat(latest.pages()).isEqualTo(EVENTS / IncidentEvolution.TIMELINE_PAGE);
        assertThat(latest.page()).isEqualTo(latest.pages() - 1);
        assertThat(latest.lines()).isEqualTo(detail.timeline());

        List<TimelineEntry> all = new ArrayList<>();
        for (int page = 0; page < latest.pages(); page++) {
            all.addAll(ask(new FindIncidentTimelineQuery(INCIDENT, page), TimelinePageView.class).orElseThrow().lines());
        }
        assertThat(all).hasSize(EVENTS);
        assertThat(all.get(0).kind()).isEqualTo("IncidentReported");
        assertThat(all.get(EVENTS - 1).text()).contains("note " + (EVENTS - 1));
        assertThat(ask(new FindIncidentTimelineQuery(INCIDENT, latest.pages()), TimelinePageView.class)).isEmpty();
    }

    private <R> Optional<R> ask(Object query, Class<R> type) throws Exception {
        var handlers = new org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter<>(projection);
        var message = new GenericQueryMessage<>(query, ResponseTypes.optionalInstanceOf(type));
        Object result = handlers.handle(message);   // the adapter unwraps the handler's Optional
        return Optional.ofNullable(type.cast(result instanceof Optional<?> optional ? optional.orElse(null) : result));
    }

    private static List<DomainEventMessage<?>> history() {
        var operator = MetaData.from(new Actor("operator", Role.OPERATOR, null).toMetaData());
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(new GenericDomainEventMessage<>("Incident", INCIDENT.value(), 0, new IncidentReportedEvent(INCIDENT,
                IncidentNumber.of(LocalDate.of(2026, 11, 28), 1), IncidentType.FLOOD, Severity.SEVERE,
                Urgency.IMMEDIATE, Certainty.OBSERVED, Location.at(31.23, 121.47, "Bund"), "river rising",
                IncidentSource.operator("operator"), false, T0), operator));
        for (int seq = 1; seq < EVENTS; seq++) {
            events.add(new GenericDomainEventMessage<>("Incident", INCIDENT.value(), seq,
                    new IncidentNoteAddedEvent(INCIDENT, "water level update, note " + seq, T0.plusSeconds(seq)),
                    operator));
        }
        return events;
    }
}
