package city.beacon.api.unit;

import city.beacon.api.common.Require;

/** A unit's call sign, e.g. FIRE-E12; configured, not generated, because crews and dispatchers say it aloud. */
public record UnitId(String value) {
    public UnitId {
        Require.text(value, "unit id");
    }

    @Override
    public String toString() {
        return value;   // Axon identifies aggregates by toString()
    }
}
