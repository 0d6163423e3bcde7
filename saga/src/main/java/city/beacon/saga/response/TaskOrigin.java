package city.beacon.saga.response;

/** Why the response saga follows a task. */
public enum TaskOrigin {
    /** A line of the incident's response plan. */
    PLAN,
    /** A backup department taking over a declined or unacknowledged task. */
    BACKUP,
    /** Requested by someone else for this incident (e.g. an operator); followed all the same. */
    OTHER
}
