package city.beacon.infra.audit;

import city.beacon.api.audit.AuditEvent;
import city.beacon.api.audit.CausalChainView;
import city.beacon.infra.eventstore.StoredHistory;
import city.beacon.query.audit.AuditIndex;
import city.beacon.query.audit.AuditKeys;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks causality through the audit index: up through each event's trigger event (event id → position), down
 * through the events each one triggered (trigger id → positions), level by level with one lookup per level.
 */
@Component
public class CausalChains {
    static final int MAX_CAUSES = 100;
    static final int MAX_EFFECTS = 500;
    private final AuditIndex index;
    private final StoredHistory history;

    public CausalChains(AuditIndex index, StoredHistory history) {
        this.index = index;
        this.history = history;
    }

    public Optional<CausalChainView> of(String eventId) {
        Optional<AuditEvent> found = event(eventId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AuditEvent event = found.get();
        List<AuditEvent> causes = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(event.eventId()));
        for (AuditEvent at = event; at.triggerEventId() != null && causes.size() < MAX_CAUSES; ) {
            Optional<AuditEvent> cause = event(at.triggerEventId());
            if (cause.isEmpty() || !seen.add(cause.get().eventId())) {
                break;
            }
            causes.add(cause.get());
            at = cause.get();
        }
        List<AuditEvent> sameCommand = event.causationId() == null ? List.of()
                : read(index.positions(AuditKeys.causation(event.causationId()))).stream()
                        .filter(e -> !e.eventId().equals(event.eventId())).toList();
        List<CausalChainView.Effect> effects = new ArrayList<>();
        boolean truncated = false;
        List<AuditEvent> frontier = List.of(event);
        for (int depth = 1; !frontier.isEmpty() && !truncated; depth++) {
            List<AuditEvent> next = new ArrayList<>();
            List<String> keys = frontier.stream().map(e -> AuditKeys.trigger(e.eventId())).toList();
            for (AuditEvent effect : read(index.positions(keys))) {
                if (!seen.add(effect.eventId())) {
                    continue;
                }
                if (effects.size() == MAX_EFFECTS) {
                    truncated = true;
                    break;
                }
                effects.add(new CausalChainView.Effect(effect, effect.triggerEventId(), depth));
                next.add(effect);
            }
            frontier = next;
        }
        return Optional.of(new CausalChainView(event, causes, sameCommand, effects, truncated));
    }

    private Optional<AuditEvent> event(String eventId) {
        Long position = index.positionOfEvent(eventId);
        return position == null ? Optional.empty() : read(List.of(position)).stream().findFirst();
    }

    private List<AuditEvent> read(List<Long> positions) {
        return history.at(positions).stream().map(AuditEvents::of).toList();
    }
}
