package city.beacon.web.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the department achieved (完成反馈). */
public record CompleteRequest(@NotBlank @Size(max = 2000) String outcome) {
}
