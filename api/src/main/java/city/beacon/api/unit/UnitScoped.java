package city.beacon.api.unit;

import city.beacon.api.common.Department;

/** An event about one unit of one department; the live feed follows units by it. */
public interface UnitScoped {
    UnitId unitId();

    Department department();
}
