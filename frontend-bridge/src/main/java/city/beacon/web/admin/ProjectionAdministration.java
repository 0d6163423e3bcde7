package city.beacon.web.admin;

import java.util.List;

/** What administrators may see and do with Beacon's event processors (docs/operations.md, "Rebuilding"). */
public interface ProjectionAdministration {

    /** Every streaming processor of this node, by processing group name. */
    List<ProjectionView> projections();

    /**
     * Starts rebuilding one read model into a new generation while the live one keeps serving.
     *
     * @throws UnknownProjectionException no processor has that name
     * @throws ReplayRefusedException     it is rebuilding already, or rebuilding it is not safe
     */
    ProjectionView replay(String name);
}
