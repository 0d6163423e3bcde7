package city.beacon.query.incident;

import city.beacon.api.incident.IncidentView;
import city.beacon.api.live.Evolved;
import city.beacon.query.support.Facts;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule every node's live relay applies to the incidents it follows. A relay that starts following an incident
 * from its read-model document must either bring it exactly to the projection's state or know that it cannot.
 */
class IncidentEvolutionTest {
    static final List<EventMessage<?>> HISTORY = IncidentProjectionReplayTest.HISTORY;

    private static IncidentView fold(List<EventMessage<?>> events) {
        IncidentView view = null;
        for (var event : events) {
            view = IncidentEvolution.apply(view, event.getPayload(), Facts.of(event)).view();
        }
        return view;
    }

    @Test
    void followingFromAnyCompleteDocumentEndsWhereTheProjectionEnds() {
        var whole = fold(HISTORY);
        for (int k = 1; k < HISTORY.size(); k++) {
            var view = fold(HISTORY.subList(0, k));
            for (var event : HISTORY.subList(k, HISTORY.size())) {
                var next = IncidentEvolution.apply(view, event.getPayload(), Facts.of(event));
                assertThat(next.outcome()).isEqualTo(Evolved.Outcome.APPLIED);
                view = next.view();
            }
            assertThat(view).as("followed from after event %d", k).isEqualTo(whole);
        }
    }

    @Test
    void aDocumentThatMissesAnEarlierEventOfTheIncidentOrTaskIsRecognisedAsBehind() {
        int behind = 0;
        for (int k = 1; k + 1 < HISTORY.size(); k++) {
            var lagging = fold(HISTORY.subList(0, k));
            var skipped = HISTORY.get(k);
            for (var later : HISTORY.subList(k + 1, HISTORY.size())) {
                if (later.getPayload().getClass() == skipped.getPayload().getClass() || !sameAggregate(skipped, later)) {
                    continue;
                }
                assertThat(IncidentEvolution.apply(lagging, later.getPayload(), Facts.of(later)).outcome())
                        .as("event %s after a document without %s", later.getPayloadType().getSimpleName(),
                                skipped.getPayloadType().getSimpleName())
                        .isEqualTo(Evolved.Outcome.BEHIND);
                behind++;
                break;
            }
        }
        assertThat(behind).isGreaterThan(3);
    }

    @Test
    void anEventTheDocumentIncludesChangesNothing() {
        var whole = fold(HISTORY);
        for (var event : HISTORY) {
            var again = IncidentEvolution.apply(whole, event.getPayload(), Facts.of(event));
            assertThat(again.outcome()).isEqualTo(Evolved.Outcome.UNCHANGED);
            assertThat(again.view()).isSameAs(whole);
        }
    }

    private static boolean sameAggregate(EventMessage<?> a, EventMessage<?> b) {
        return a instanceof org.axonframework.eventhandling.DomainEventMessage<?> da
                && b instanceof org.axonframework.eventhandling.DomainEventMessage<?> db
                && da.getAggregateIdentifier().equals(db.getAggregateIdentifier());
    }
}
