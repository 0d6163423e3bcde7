package city.beacon.api.kpi;

import java.time.Instant;

/** Response KPIs over the tasks requested in [from, to); answers a list of {@link KpiView}. */
public record FindKpisQuery(Instant from, Instant to) {
}
