package city.beacon.web.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/** Builds Beacon's problem details: a stable type URI per kind of problem, plus the fields at fault. */
public final class Problems {
    private Problems() { }

    public static ProblemDetail of(HttpStatus status, String kind, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:beacon:problem:" + kind));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalid(String detail, List<FieldProblem> fields) {
        var problem = of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail);
        if (!fields.isEmpty()) {
            problem.setProperty("errors", fields);
        }
        return problem;
    }
}
