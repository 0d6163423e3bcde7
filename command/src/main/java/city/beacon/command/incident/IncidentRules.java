package city.beacon.command.incident;

/** Limits on free text an operator types; long enough for a real report, short enough to read on a wall. */
final class IncidentRules {
    static final int SUMMARY_MAX = 500;
    static final int NOTE_MAX = 2000;
    static final int REASON_MAX = 500;

    private IncidentRules() { }
}
