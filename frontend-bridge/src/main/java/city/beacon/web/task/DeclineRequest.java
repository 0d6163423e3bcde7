package city.beacon.web.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the department cannot take the task on (退回). */
public record DeclineRequest(@NotBlank @Size(max = 500) String reason) {
}
