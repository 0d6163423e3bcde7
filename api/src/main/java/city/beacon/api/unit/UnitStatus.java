package city.beacon.api.unit;

import java.util.EnumSet;
import java.util.Set;

/** What a unit is doing now. ASSIGNED, EN_ROUTE and ON_SCENE mean it serves a task. */
public enum UnitStatus {
    AVAILABLE,
    ASSIGNED,
    EN_ROUTE,
    ON_SCENE,
    OUT_OF_SERVICE;

    private static final Set<UnitStatus> SERVING = EnumSet.of(ASSIGNED, EN_ROUTE, ON_SCENE);

    public boolean servesATask() {
        return SERVING.contains(this);
    }
}
