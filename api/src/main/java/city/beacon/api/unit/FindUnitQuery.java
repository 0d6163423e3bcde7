package city.beacon.api.unit;

/** One unit by id; answers an Optional of {@link UnitView}. */
public record FindUnitQuery(UnitId unitId) {
}
