package city.beacon.infra.eventstore;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** When aggregates are snapshotted, so that a long-lived incident loads as fast as a new one. */
@Configuration(proxyBeanMethods = false)
public class SnapshotConfiguration {
    /** Events between two snapshots of an incident: loading then reads one snapshot and at most this many events. */
    static final int INCIDENT_SNAPSHOT_INTERVAL = 50;

    @Bean
    SnapshotTriggerDefinition incidentSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, INCIDENT_SNAPSHOT_INTERVAL);
    }
}
