package city.beacon.api.live;

/**
 * A view after one event was applied to it by the projection's own rules.
 *
 * @param view    the view after the event (the base itself when nothing changed; null when there is no such view)
 * @param outcome whether the event changed the view, had been applied already, or the base misses earlier events
 */
public record Evolved<V>(V view, Outcome outcome) {
    public enum Outcome {
        /** The event was applied. */
        APPLIED,
        /** The base already includes the event (or the event does not concern the view): nothing to publish. */
        UNCHANGED,
        /** The base misses earlier events of the same aggregate: it cannot be brought up to date from this event. */
        BEHIND
    }

    public static <V> Evolved<V> applied(V view) {
        return new Evolved<>(view, Outcome.APPLIED);
    }

    public static <V> Evolved<V> unchanged(V view) {
        return new Evolved<>(view, Outcome.UNCHANGED);
    }

    public static <V> Evolved<V> behind(V view) {
        return new Evolved<>(view, Outcome.BEHIND);
    }
}
