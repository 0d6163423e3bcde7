package city.beacon.api.common;

import java.util.HashMap;
import java.util.Map;

/**
 * Who acted. Travels as message metadata on every command and, through Axon's correlation data providers,
 * on every event, so the audit trail can answer "who did this".
 */
public record Actor(String userId, Role role, Department department) {
    public static final String USER_ID = "actorId";
    public static final String ROLE = "actorRole";
    public static final String DEPARTMENT = "actorDepartment";

    public Actor {
        Require.text(userId, "actor user id");
        Require.present(role, "actor role");
        if (role == Role.LIAISON && department == null) {
            throw new IllegalArgumentException("a liaison is bound to a department");
        }
    }

    public static Actor system(String process) {
        return new Actor("beacon:" + process, Role.SYSTEM, null);
    }

    public Map<String, String> toMetaData() {
        Map<String, String> metaData = new HashMap<>();
        metaData.put(USER_ID, userId);
        metaData.put(ROLE, role.name());
        // Always present, empty when none: messages inherit their cause's metadata, and a saga acting as SYSTEM
        // must not keep the department of the liaison whose event it reacted to.
        metaData.put(DEPARTMENT, department == null ? "" : department.code());
        return metaData;
    }

    /** Reads an actor back from message metadata; null when the message carries none. */
    public static Actor fromMetaData(Map<String, ?> metaData) {
        Object userId = metaData.get(USER_ID);
        Object role = metaData.get(ROLE);
        if (userId == null || role == null) {
            return null;
        }
        Object department = metaData.get(DEPARTMENT);
        return new Actor(userId.toString(), Role.valueOf(role.toString()),
                department == null || department.toString().isEmpty() ? null : new Department(department.toString()));
    }

}
