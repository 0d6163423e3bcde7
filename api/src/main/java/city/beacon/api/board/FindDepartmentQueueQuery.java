package city.beacon.api.board;

import city.beacon.api.common.Department;

/** A department's open tasks, most urgent first: priority, then acknowledgment deadline. */
public record FindDepartmentQueueQuery(Department department) {
}
