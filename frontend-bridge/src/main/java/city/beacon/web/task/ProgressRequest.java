package city.beacon.web.task;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** 出发 / 到场, with an optional note such as "engine 7 left the station". */
public record ProgressRequest(@NotNull ProgressStatus status, @Size(max = 2000) String note) {
}
