package city.beacon.web.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record MergeRequest(@NotBlank @Size(max = 64) String into) {
}
