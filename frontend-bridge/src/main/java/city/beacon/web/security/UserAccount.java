package city.beacon.web.security;

import city.beacon.api.common.Role;

/**
 * A configured user. @param password with an encoder prefix ({bcrypt}…, or {noop}… for demo users)
 * @param department required for liaisons, who act for exactly one department
 */
public record UserAccount(String username, String password, Role role, String department) {
}
