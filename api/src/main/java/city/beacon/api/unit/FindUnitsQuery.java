package city.beacon.api.unit;

import city.beacon.api.common.Department;

/** Units by department (null: every department), ordered by department then id; answers a list of {@link UnitView}. */
public record FindUnitsQuery(Department department) {

    public boolean matches(UnitView unit) {
        return department == null || department.code().equals(unit.department());
    }
}
