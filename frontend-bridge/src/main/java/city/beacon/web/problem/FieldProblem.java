package city.beacon.web.problem;

/** One input field that was wrong, and why. */
public record FieldProblem(String field, String reason) {
}
