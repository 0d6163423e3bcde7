package city.beacon.api.common;

/** What a user may do in Beacon (DESIGN §8). */
public enum Role {
    OPERATOR,
    LIAISON,
    AUDITOR,
    ADMIN,
    /** Beacon itself acting, e.g. a saga escalating a missed deadline. */
    SYSTEM
}
