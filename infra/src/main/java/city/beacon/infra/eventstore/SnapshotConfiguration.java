package city.beacon.infra.eventstore;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** When aggregates are snapshotted, so that a long-lived incident loads as fast as a new one. */
@Configuration(proxyBeanMethods = false)
public class SnapshotConfiguration {
    /** The default of {@code beacon.snapshots.incident-threshold}. */
    static final int INCIDENT_SNAPSHOT_INTERVAL = 50;

    /** Snapshots an incident every {@code threshold} events: loading reads one snapshot and fewer events than that. */
    SnapshotTriggerDefinition incidentSnapshotTrigger(Snapshotter snapshotter) {
        return configuredIncidentSnapshotTrigger(snapshotter, INCIDENT_SNAPSHOT_INTERVAL);
    }

    @Bean("incidentSnapshotTrigger")
    SnapshotTriggerDefinition configuredIncidentSnapshotTrigger(
            Snapshotter snapshotter,
            @Value("${beacon.snapshots.incident-threshold:" + INCIDENT_SNAPSHOT_INTERVAL + "}") int threshold) {
        if (threshold < 1) {
            throw new IllegalStateException("beacon.snapshots.incident-threshold must be at least 1: " + threshold);
        }
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
