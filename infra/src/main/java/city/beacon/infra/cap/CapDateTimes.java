package city.beacon.infra.cap;

import java.time.OffsetDateTime;

/** CAP's date-time text, the same the XML carries (used inside {@code references}). */
final class CapDateTimes {
    private static final CapDateTimeAdapter ADAPTER = new CapDateTimeAdapter();

    private CapDateTimes() { }

    static String format(OffsetDateTime time) {
        return ADAPTER.marshal(time);
    }
}
