package city.beacon.api.task;

/** How urgently a department must act; queues sort by it, then by deadline. */
public enum Priority {
    CRITICAL,
    HIGH,
    NORMAL,
    LOW
}
