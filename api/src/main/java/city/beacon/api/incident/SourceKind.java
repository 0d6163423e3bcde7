package city.beacon.api.incident;

public enum SourceKind {
    SENSOR,
    CALL,
    OPERATOR,
    EXTERNAL_ALERT
}
