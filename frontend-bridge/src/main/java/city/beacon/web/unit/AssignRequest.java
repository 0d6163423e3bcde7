package city.beacon.web.unit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** 派车: the task (of the unit's own department) the unit is to serve. */
public record AssignRequest(@NotBlank @Size(max = 64) String taskId) {
}
