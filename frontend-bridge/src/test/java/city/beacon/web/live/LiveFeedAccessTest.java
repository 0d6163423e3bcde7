package city.beacon.web.live;

import city.beacon.api.common.Department;
import city.beacon.api.common.Role;
import city.beacon.web.security.BeaconUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may receive which live topic, checked at subscription and again at every message. */
class LiveFeedAccessTest {
    private static final BeaconUser OPERATOR = new BeaconUser("desk-7", "{noop}x", Role.OPERATOR, null);
    private static final BeaconUser AUDITOR = new BeaconUser("audit-1", "{noop}x", Role.AUDITOR, null);
    private static final BeaconUser FIRE = new BeaconUser("fire-1", "{noop}x", Role.LIAISON, Department.FIRE);

    @Test
    void aLiaisonReceivesOnlyTheirOwnDepartmentsQueue() {
        assertThat(LiveFeedAccess.mayReceive(FIRE, Topics.departmentTasks("FIRE"))).isTrue();
        assertThat(LiveFeedAccess.mayReceive(FIRE, Topics.departmentTasks("POLICE"))).isFalse();
        assertThat(LiveFeedAccess.mayReceive(OPERATOR, Topics.departmentTasks("POLICE"))).isTrue();
        assertThat(LiveFeedAccess.mayReceive(AUDITOR, Topics.departmentTasks("POLICE"))).isTrue();
    }

    @Test
    void everyRoleFollowsTheBoardIncidentsUnitsAndStoreStatus() {
        for (var user : new BeaconUser[] {OPERATOR, AUDITOR, FIRE}) {
            for (var topic : new String[] {Topics.BOARD, Topics.incident("inc-1"), Topics.UNITS, Topics.STATUS}) {
                assertThat(LiveFeedAccess.mayReceive(user, topic)).as(user.role() + " " + topic).isTrue();
            }
        }
    }

    @Test
    void anUnknownTopicADisabledUserOrNoUserReceiveNothing() {
        assertThat(LiveFeedAccess.mayReceive(OPERATOR, "/topic/secrets")).isFalse();
        assertThat(LiveFeedAccess.mayReceive(OPERATOR, "/topic/incidents/../board")).isFalse();
        assertThat(LiveFeedAccess.mayReceive(OPERATOR, "/topic/departments/fire/tasks")).isFalse();
        assertThat(LiveFeedAccess.mayReceive(null, Topics.BOARD)).isFalse();
        var disabled = new BeaconUser("gone", "{noop}x", Role.OPERATOR, null) {
            @Override
            public boolean isEnabled() {
                return false;
            }
        };
        assertThat(LiveFeedAccess.mayReceive(disabled, Topics.BOARD)).isFalse();
    }

    @Test
    void onlyLiaisonsAreWithheldTheRestrictedFields() {
        assertThat(LiveFeedAccess.seesRestrictedFields(FIRE)).isFalse();
        assertThat(LiveFeedAccess.seesRestrictedFields(OPERATOR)).isTrue();
        assertThat(LiveFeedAccess.seesRestrictedFields(AUDITOR)).isTrue();
    }
}
