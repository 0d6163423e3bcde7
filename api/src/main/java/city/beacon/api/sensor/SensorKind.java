package city.beacon.api.sensor;

/** What a sensor measures. */
public enum SensorKind {
    GAS_PRESSURE,
    WATER_LEVEL,
    WATER_PRESSURE,
    SMOKE,
    AIR_QUALITY,
    STRUCTURAL_STRAIN,
    POWER_LOAD,
    TEMPERATURE,
    OTHER
}
