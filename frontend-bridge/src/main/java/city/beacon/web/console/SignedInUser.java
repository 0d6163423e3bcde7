package city.beacon.web.console;

/** Who the console is talking to, so it can open the right view: {@code GET /api/me}. */
public record SignedInUser(String username, String role, String department) {
}
