package city.beacon.web.security;

/**
 * Published (as a Spring application event) when a user's rights change: removed, disabled, another role or
 * department. Whoever caches rights per user (the live feed does, per session) reloads them at the next use.
 */
public record UserRightsChanged(String username) {
}
