package city.beacon.infra.sensor;

import city.beacon.api.incident.IncidentSource;
import city.beacon.api.incident.SourceKind;
import city.beacon.saga.response.AutomaticActions;

import java.util.Optional;

/** A sensor-sourced incident's automatic action: the one its sensor's definition names, for its owning department. */
class SensorAutomaticActions implements AutomaticActions {
    private final SensorRegistry registry;

    SensorAutomaticActions(SensorRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<AutomaticAction> forSource(IncidentSource source) {
        if (source == null || source.kind() != SourceKind.SENSOR || source.reference() == null) {
            return Optional.empty();
        }
        return registry.definition(source.reference())
                .filter(definition -> definition.automaticAction() != null)
                .map(definition -> new AutomaticAction(definition.department(), definition.automaticAction()));
    }
}
