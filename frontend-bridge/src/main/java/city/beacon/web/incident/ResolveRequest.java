package city.beacon.web.incident;

import jakarta.validation.constraints.Size;

public record ResolveRequest(@Size(max = 2000) String resolution) {
}
