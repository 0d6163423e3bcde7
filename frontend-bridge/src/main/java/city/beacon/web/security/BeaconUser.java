package city.beacon.web.security;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.common.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.List;

/** A signed-in user: Spring Security's user plus the role and department Beacon records on every event. */
public class BeaconUser extends User {
    private final Role role;
    private final Department department;

    public BeaconUser(String username, String password, Role role, Department department) {
        super(username, password, List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.role = role;
        this.department = department;
    }

    public Actor actor() {
        return new Actor(getUsername(), role, department);
    }

    public Role role() {
        return role;
    }

    public Department department() {
        return department;
    }
}
