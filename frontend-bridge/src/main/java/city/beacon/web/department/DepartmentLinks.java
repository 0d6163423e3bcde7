package city.beacon.web.department;

import java.util.List;

/** How Beacon reaches each department's system right now (a port: the webhook notifier answers it). */
public interface DepartmentLinks {

    /** Every department, in code order, with its circuit and the notices waiting for it. */
    List<DepartmentStatus> departments();
}
