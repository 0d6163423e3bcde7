package city.beacon.api.incident;

/** The CAP message type of a public warning: the first, a later one (referring to the earlier), or the all-clear. */
public enum AlertKind {
    ALERT,
    UPDATE,
    CANCEL
}
