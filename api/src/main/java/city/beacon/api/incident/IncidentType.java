package city.beacon.api.incident;

public enum IncidentType {
    GAS_LEAK,
    FIRE,
    FLOOD,
    TRAFFIC_ACCIDENT,
    HAZMAT,
    POWER_OUTAGE,
    WATER_MAIN_BREAK,
    BUILDING_COLLAPSE,
    PUBLIC_SECURITY,
    MEDICAL,
    OTHER
}
