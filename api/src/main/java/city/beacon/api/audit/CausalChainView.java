package city.beacon.api.audit;

import java.util.List;

/**
 * What led to an event and what it led to in turn (docs/audit.md).
 *
 * @param causes      the events that led to it, nearest first, back to the one a person or a device started
 * @param sameCommand the other events the same command recorded
 * @param effects     the events it led to, breadth first, each naming the event that led to it
 * @param truncated   whether the effects were cut at the limit
 */
public record CausalChainView(AuditEvent event, List<AuditEvent> causes, List<AuditEvent> sameCommand,
                              List<Effect> effects, boolean truncated) {
    public CausalChainView {
        causes = List.copyOf(causes);
        sameCommand = List.copyOf(sameCommand);
        effects = List.copyOf(effects);
    }

    /** An event led to by {@code causedBy}, {@code depth} steps from the event asked about. */
    public record Effect(AuditEvent event, String causedBy, int depth) { }
}
