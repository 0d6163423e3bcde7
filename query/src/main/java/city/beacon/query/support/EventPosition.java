package city.beacon.query.support;

import city.beacon.api.common.StreamPosition;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An event's own position in the global stream, and the positions below it its processor had not yet received (the
 * token's gaps: commits that were reserved earlier but became visible later).
 * <p>
 * A read-model document records what it has applied as {@code {through: p, missing: [...]}}: every position up to
 * {@code through} except {@code missing}. An event is applied to it at most once: one at or below {@code through}
 * and not missing is ignored. "Ignore everything at or below the last position" alone would be wrong with
 * gap-aware tracking: an event that fills a gap arrives after later positions, and would be skipped for good.
 */
public record EventPosition(long position, SortedSet<Long> gaps) {
    public static final String FIELD = "_applied";
    private static final String THROUGH = "through";
    private static final String MISSING = "missing";

    /** The position of a message read from the global stream, or null (a message from elsewhere, a unit test). */
    public static EventPosition of(EventMessage<?> message) {
        if (message == null) {
            return null;
        }
        Object position = message.getMetaData().get(StreamPosition.META_DATA_KEY);
        if (!(position instanceof Number number)) {
            return null;
        }
        SortedSet<Long> gaps = new TreeSet<>();
        if (message instanceof TrackedEventMessage<?> tracked) {
            WrappedToken.unwrap(tracked.trackingToken(), GapAwareTrackingToken.class).ifPresent(token ->
                    token.getGaps().stream().filter(g -> g < number.longValue()).forEach(gaps::add));
        }
        return new EventPosition(number.longValue(), gaps);
    }

    /** The position of the event the current unit of work handles, or null outside one. */
    public static EventPosition ofCurrent() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?> message ? of(message) : null;
    }

    /** Whether the document has applied this event already. */
    public boolean appliedTo(Document document) {
        Document applied = document == null ? null : document.get(FIELD, Document.class);
        if (applied == null) {
            return false;
        }
        long through = applied.get(THROUGH, Number.class).longValue();
        return position <= through && !missingOf(applied).contains(position);
    }

    /** Records this event as applied to the document (which must not have applied it yet). */
    public void recordIn(Document document) {
        Document applied = document.get(FIELD, Document.class);
        List<Long> missing;
        long through;
        if (applied == null || position > applied.get(THROUGH, Number.class).longValue()) {
            through = position;
            missing = new ArrayList<>(gaps);   // what the processor had not received then is all that is missing
        } else {
            through = applied.get(THROUGH, Number.class).longValue();
            missing = new ArrayList<>(missingOf(applied));
            missing.remove(position);          // a gap filled
        }
        document.put(FIELD, new Document(THROUGH, through).append(MISSING, missing));
    }

    /** Carries what a document has applied over to the document that replaces it. */
    public static void carry(Document from, Document to) {
        if (from != null && from.containsKey(FIELD)) {
            to.put(FIELD, from.get(FIELD));
        }
    }

    private static List<Long> missingOf(Document applied) {
        List<Long> missing = new ArrayList<>();
        for (Object m : applied.getList(MISSING, Object.class, List.of())) {
            missing.add(((Number) m).longValue());
        }
        return missing;
    }
}
