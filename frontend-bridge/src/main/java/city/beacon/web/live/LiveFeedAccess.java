package city.beacon.web.live;

import city.beacon.api.common.Role;
import city.beacon.api.incident.LiaisonRedaction;
import city.beacon.web.security.BeaconUser;

/**
 * Who may receive which topic. Checked when a client subscribes and again for every message published, so a user
 * whose rights changed stops receiving at the next message.
 */
public final class LiveFeedAccess {
    private LiveFeedAccess() { }

    public static boolean mayReceive(BeaconUser user, String destination) {
        if (user == null || destination == null || !user.isEnabled()) {
            return false;
        }
        Role role = user.role();
        if (Topics.UNITS.equals(destination) || Topics.STATUS.equals(destination)) {
            return true;   // every role: which units are free is what every desk coordinates around
        }
        if (Topics.BOARD.equals(destination) || Topics.incidentOf(destination) != null) {
            return role == Role.OPERATOR || role == Role.ADMIN || role == Role.AUDITOR || role == Role.LIAISON;
        }
        String department = Topics.departmentOf(destination);
        if (department != null) {
            if (role == Role.LIAISON) {
                return user.department() != null && user.department().code().equals(department);
            }
            return role == Role.OPERATOR || role == Role.ADMIN || role == Role.AUDITOR;
        }
        return false;
    }

    /** Liaisons work for another organisation: {@link LiaisonRedaction} says what they do not see. */
    public static boolean seesRestrictedFields(BeaconUser user) {
        return !LiaisonRedaction.appliesTo(user.role());
    }
}
