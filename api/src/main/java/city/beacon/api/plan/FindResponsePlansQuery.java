package city.beacon.api.plan;

/** All configured plans, for {@code GET /api/plans}. */
public record FindResponsePlansQuery() {
}
