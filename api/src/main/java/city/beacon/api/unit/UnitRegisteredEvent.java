package city.beacon.api.unit;

import city.beacon.api.common.Department;

import java.time.Instant;

public record UnitRegisteredEvent(UnitId unitId, Department department, String kind, String name,
                                  Instant registeredAt) implements UnitScoped {
}
