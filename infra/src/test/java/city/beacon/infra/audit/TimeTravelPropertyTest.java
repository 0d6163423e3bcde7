package city.beacon.infra.audit;

import city.beacon.api.board.BoardRowView;
import city.beacon.api.board.FindBoardQuery;
import city.beacon.api.incident.IncidentScoped;
import city.beacon.api.incident.IncidentView;
import city.beacon.api.live.EventFacts;
import city.beacon.api.live.Evolved;
import city.beacon.query.incident.IncidentEvolution;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Point in time equals what the live projections held then: random valid histories over several incidents on a
 * controlled clock; after every event the live state (the incident projection's rule applied event by event, the
 * live board's rows derived from it) is recorded; for every instant at, between and around the events, the incident
 * and the board replayed from the store (index, checkpoints, replay) must equal it.
 */
class TimeTravelPropertyTest {
    private static final Instant START = Instant.parse("2030-01-01T07:50:00Z");

    @TempDir
    Path data;

    /** The live state after each event: every incident's view, as the incident-detail projection holds it. */
    private record LiveState(Instant time, Map<String, IncidentView> incidents) { }

    @Test
    void incidentAndBoardAtAnyInstantEqualTheLiveViewsThen() {
        for (long seed = 1; seed <= 2; seed++) {
            checkSeed(seed, 160, 7);
        }
    }

    private void checkSeed(long seed, int events, int checkpointInterval) {
        try (var store = new AuditStore(data.resolve("seed" + seed), checkpointInterval)) {
            List<DomainEventMessage<?>> history = new RandomHistory(seed, START).generate(events);
            List<LiveState> live = new ArrayList<>();
            Map<String, IncidentView> incidents = new LinkedHashMap<>();
            for (DomainEventMessage<?> event : history) {
                store.append(event);
                var scoped = (IncidentScoped) event.getPayload();
                String id = scoped.incidentId().value();
                Evolved<IncidentView> next = IncidentEvolution.apply(incidents.get(id), scoped,
                        new EventFacts(event.getIdentifier(), event.getSequenceNumber(), event.getMetaData()));
                if (next.outcome() == Evolved.Outcome.APPLIED) {
                    incidents.put(id, next.view());
                }
                live.add(new LiveState(event.getTimestamp(), new LinkedHashMap<>(incidents)));
            }
            store.index();
            // Checkpoints only up to the middle: later instants replay more than one interval after the newest.
            store.checkpointer.catchUp(events / 2);

            TreeSet<Instant> instants = new TreeSet<>();
            instants.add(START.minusSeconds(1));
            instants.add(Instant.EPOCH);
            for (int i = 0; i < history.size(); i++) {
                Instant t = history.get(i).getTimestamp();
                instants.add(t);
                instants.add(t.minusMillis(1));
                if (i + 1 < history.size()) {
                    Instant next = history.get(i + 1).getTimestamp();
                    instants.add(t.plus(Duration.between(t, next).dividedBy(2)));
                }
            }
            instants.add(history.get(history.size() - 1).getTimestamp().plus(Duration.ofDays(3)));

            int checked = 0;
            int busiestBoard = 0;
            for (Instant at : instants) {
                Map<String, IncidentView> expected = stateAt(live, at);
                for (String id : incidents.keySet()) {
                    var actual = store.timeTravel.incident(id, at).map(v -> v.incident()).orElse(null);
                    assertThat(actual).as("seed %d, incident %s at %s", seed, id, at).isEqualTo(expected.get(id));
                }
                var board = store.timeTravel.board(at, FindBoardQuery.everything()).rows();
                assertThat(board).as("seed %d, board at %s", seed, at).isEqualTo(liveBoard(expected, at));
                busiestBoard = Math.max(busiestBoard, board.size());
                checked++;
            }
            assertThat(checked).isGreaterThan(events);
            // the history is not trivial: several incidents at once, and some ended before the last event
            assertThat(busiestBoard).isGreaterThanOrEqualTo(3);
            assertThat(incidents.values()).anyMatch(v -> v.status().hasEnded());
        }
    }

    private static Map<String, IncidentView> stateAt(List<LiveState> live, Instant at) {
        Map<String, IncidentView> state = new HashMap<>();
        for (LiveState s : live) {
            if (s.time().isAfter(at)) {
                break;
            }
            state = s.incidents();
        }
        return state;
    }

    /** As BoardStore and BoardQueries show it: active incidents without timelines, rows counted at the instant. */
    private static List<BoardRowView> liveBoard(Map<String, IncidentView> incidents, Instant at) {
        return incidents.values().stream()
                .filter(v -> !v.status().hasEnded())
                .map(v -> BoardRowView.of(v, at))
                .sorted(Comparator.comparing(BoardRowView::reportedAt).reversed())
                .toList();
    }
}
