package city.beacon.api.incident;

import city.beacon.api.common.Require;

import java.util.UUID;

public record IncidentId(String value) {
    public IncidentId {
        Require.text(value, "incident id");
    }

    public static IncidentId random() {
        return new IncidentId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;   // Axon identifies aggregates by toString()
    }
}
