package city.beacon.api.audit;

/** Who caused an event, as its metadata recorded it; department null for users bound to none. */
public record AuditActor(String userId, String role, String department) {
}
