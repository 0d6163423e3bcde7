package city.beacon.infra.cap;

import city.beacon.api.incident.ReportIncidentCommand;
import city.beacon.infra.cap.ReceivedAlerts.Received;
import city.beacon.infra.store.EmbeddedStore;
import city.beacon.web.cap.CapAlerts.ImportedAlert;
import city.beacon.web.cap.CapAlerts.Outcome;
import city.beacon.web.cap.CapProperties;
import city.beacon.web.messaging.Commands;
import city.beacon.web.messaging.Queries;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A node that dies between claiming a CAP alert and having its commands accepted leaves a claim behind: the sender,
 * seeing no answer, sends the alert again, and must not be told "already received" for an incident that was never
 * reported.
 */
class CapAlertRetakeTest {
    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    private static final String SENDER = "weather-bureau@demo-city.example";
    private static final String KEY = ReceivedAlerts.key(SENDER, "FLOOD-1");
    @TempDir
    Path data;
    private EmbeddedStore store;
    private MongoClient client;
    private ReceivedAlerts received;
    private final List<Object> sent = new ArrayList<>();
    private final CommandGateway gateway = mock(CommandGateway.class);
    private Instant now = T0;
    /** The incident's stream exists: the dead node's report was accepted before it died. */
    private boolean reportedBefore;
    private CapService cap;

    @BeforeEach
    void start() {
        store = EmbeddedStore.start(data.resolve("cap.mv"), "127.0.0.1", 0);
        client = MongoClients.create(store.connectionString());
        received = new ReceivedAlerts(client.getDatabase("beacon"));
        when(gateway.send(any())).thenAnswer(call -> {
            Object command = ((CommandMessage<?>) call.getArgument(0)).getPayload();
            sent.add(command);
            return reportedBefore && command instanceof ReportIncidentCommand
                    ? CompletableFuture.failedFuture(new ConcurrencyException("aggregate already exists"))
                    : CompletableFuture.completedFuture(null);
        });
        var clock = new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() { return now; }
        };
        var properties = new CapProperties(null, null, Map.of(), Map.of(), null);
        cap = new CapService(new CapCodec(), CapConfiguration.reader(RealWorldCapTest.SHIPPED), received,
                new Commands(gateway), new Queries(mock(QueryGateway.class)), properties, ZoneOffset.UTC, clock);
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
    }

    private ImportedAlert send() {
        return cap.receive(CapSamples.flood("FLOOD-1", "Alert", null, "Expected").getBytes(StandardCharsets.UTF_8),
                "weather");
    }

    private void claimLeftByADeadNode(Instant at) {
        received.claim(new Received(KEY, SENDER, "incident-of-the-dead-node", false, "weather"), at);
    }

    private List<ReportIncidentCommand> reports() {
        return sent.stream().filter(ReportIncidentCommand.class::isInstance).map(ReportIncidentCommand.class::cast)
                .toList();
    }

    @Test
    void anAlertClaimedByANodeThatDiedIsReportedWhenSentAgainUnderTheIdItWasPromised() {
        claimLeftByADeadNode(T0);
        now = T0.plus(CapService.ABANDONED_AFTER).plusSeconds(1);

        var again = send();

        assertThat(again.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(again.incidentId()).isEqualTo("incident-of-the-dead-node");
        assertThat(reports()).singleElement()
                .satisfies(report -> assertThat(report.incidentId().value()).isEqualTo("incident-of-the-dead-node"));
    }

    @Test
    void whileTheFirstTryMayStillBeRunningACopyIsAlreadyReceivedAndChangesNothing() {
        claimLeftByADeadNode(T0);
        now = T0.plusSeconds(10);

        assertThat(send().outcome()).isEqualTo(Outcome.ALREADY_RECEIVED);
        assertThat(sent).isEmpty();
    }

    @Test
    void aRetakenAlertWhoseIncidentWasReportedBeforeTheNodeDiedIsNotReportedTwice() {
        claimLeftByADeadNode(T0);
        now = T0.plus(CapService.ABANDONED_AFTER).plusSeconds(1);
        reportedBefore = true;

        assertThat(send().outcome()).isEqualTo(Outcome.CREATED);
        now = now.plusSeconds(3600);
        assertThat(send().outcome()).isEqualTo(Outcome.ALREADY_RECEIVED);
        assertThat(reports()).hasSize(1);
    }

    @Test
    void anAlertTakenWholeIsNeverTakenAgainHoweverLateTheCopy() {
        var first = send();
        now = T0.plusSeconds(86_400);

        var copy = send();

        assertThat(copy.outcome()).isEqualTo(Outcome.ALREADY_RECEIVED);
        assertThat(copy.incidentId()).isEqualTo(first.incidentId());
        assertThat(reports()).hasSize(1);
    }

    @Test
    void recordsWrittenBeforeClaimsWereMarkedCountAsTaken() {
        client.getDatabase("beacon").getCollection("cap_alerts").insertOne(new Document("_id", KEY)
                .append("sender", SENDER).append("incidentId", "older").append("drill", false)
                .append("receivedAt", T0.toString()));
        now = T0.plusSeconds(86_400);

        assertThat(send().outcome()).isEqualTo(Outcome.ALREADY_RECEIVED);
        assertThat(sent).isEmpty();
    }
}
