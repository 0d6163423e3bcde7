package city.beacon.infra.audit;

import city.beacon.api.sensor.SensorAlarmLinkedEvent;
import city.beacon.infra.eventstore.StoredHistory;
import city.beacon.infra.eventstore.StoredHistory.Recorded;
import city.beacon.query.audit.AuditIndex;
import city.beacon.query.audit.AuditKeys;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every stored event about one incident, in position order, found by key: the positions the audit index lists under
 * the incident (its own events, its tasks', units assigned to it, alarms linked to it), plus for each linked alarm
 * the sensor's alarm that the link followed (the one that opened or joined the incident).
 */
@Component
public class IncidentHistory {
    private final AuditIndex index;
    private final StoredHistory history;

    public IncidentHistory(AuditIndex index, StoredHistory history) {
        this.index = index;
        this.history = history;
    }

    public boolean known(String incidentId) {
        return index.known(AuditKeys.incident(incidentId));
    }

    /** The incident's events up to {@code through} (inclusive), in position order. */
    public List<Recorded> events(String incidentId, long through) {
        List<Long> positions = index.positions(AuditKeys.incident(incidentId)).stream()
                .filter(p -> p <= through).toList();
        List<Recorded> events = new ArrayList<>(history.at(positions));
        List<Long> alarms = new ArrayList<>();
        for (Recorded recorded : events) {
            if (recorded.message().getPayload() instanceof SensorAlarmLinkedEvent link) {
                index.positions(AuditKeys.sensorAlarms(link.sensorId().value())).stream()
                        .filter(p -> p < recorded.position())
                        .max(Long::compare)
                        .ifPresent(alarms::add);
            }
        }
        if (!alarms.isEmpty()) {
            events.addAll(history.at(alarms));
            events.sort(Comparator.comparingLong(Recorded::position));
        }
        return events;
    }
}
