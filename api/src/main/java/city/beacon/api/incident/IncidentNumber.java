package city.beacon.api.incident;

import city.beacon.api.common.Require;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** The short number operators say aloud: the city's local date and that day's sequence, e.g. 20261128-0042. */
public record IncidentNumber(String value) {
    private static final Pattern FORMAT = Pattern.compile("\\d{8}-\\d{4,}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public IncidentNumber {
        Require.text(value, "incident number");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("incident number must look like 20261128-0042: " + value);
        }
    }

    public static IncidentNumber of(LocalDate day, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("incident sequence starts at 1");
        }
        return new IncidentNumber(day.format(DAY) + "-" + String.format("%04d", sequence));
    }

    @Override
    public String toString() {
        return value;
    }
}
