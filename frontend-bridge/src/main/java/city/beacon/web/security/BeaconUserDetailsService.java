package city.beacon.web.security;

import city.beacon.api.common.Department;
import city.beacon.api.common.Role;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Users from configuration, checked once at start-up so a misconfigured liaison fails loudly, not at 3 a.m. */
public class BeaconUserDetailsService implements UserDetailsService {
    private final Map<String, UserAccount> accounts = new HashMap<>();

    public BeaconUserDetailsService(SecurityProperties properties) {
        for (UserAccount account : properties.users()) {
            if (account.username() == null || account.username().isBlank() || account.password() == null
                    || account.role() == null) {
                throw new IllegalStateException("beacon.security.users needs username, password and role: " + account.username());
            }
            if (account.role() == Role.LIAISON && (account.department() == null || account.department().isBlank())) {
                throw new IllegalStateException("liaison " + account.username() + " has no department");
            }
            if (account.role() == Role.SYSTEM) {
                throw new IllegalStateException("SYSTEM is Beacon's own role, not a user's: " + account.username());
            }
            if (accounts.put(account.username().toLowerCase(Locale.ROOT), account) != null) {
                throw new IllegalStateException("user " + account.username() + " is configured twice");
            }
        }
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = accounts.get(username.toLowerCase(Locale.ROOT));
        if (account == null) {
            throw new UsernameNotFoundException("no such user");
        }
        var department = account.department() == null || account.department().isBlank()
                ? null : Department.of(account.department());
        return new BeaconUser(account.username(), account.password(), account.role(), department);
    }
}
