package city.beacon.web.unit;

import city.beacon.api.unit.UnitStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** EN_ROUTE or ON_SCENE while serving a task, OUT_OF_SERVICE or AVAILABLE while free; an optional note. */
public record StatusRequest(@NotNull UnitStatus status, @Size(max = 2000) String note) {
}
