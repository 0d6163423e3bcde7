package city.beacon.api.incident;

import java.time.LocalDate;

/**
 * Every incident, active or ended, for auditors: by its number, or reported on the days from..to (the city's
 * calendar days, as in incident numbers), optionally of one type. Answered with board rows, newest first.
 */
public record FindIncidentsQuery(String number, IncidentType type, LocalDate from, LocalDate to) {
}
