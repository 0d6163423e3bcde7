package city.beacon.command.unit;

/** Limits on what a unit carries: a kind is a code, a name fits a console row, a note is a short radio message. */
final class UnitRules {
    static final int KIND_MAX = 40;
    static final int NAME_MAX = 120;
    static final int NOTE_MAX = 2000;

    private UnitRules() { }
}
