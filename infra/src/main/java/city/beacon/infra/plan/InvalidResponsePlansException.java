package city.beacon.infra.plan;

import java.util.List;

/** Beacon refuses to start with plans that would dispatch nothing, or the wrong thing, in an emergency. */
public class InvalidResponsePlansException extends IllegalStateException {
    private final List<String> problems;

    public InvalidResponsePlansException(List<String> problems) {
        super("Invalid response plans (beacon.plans, plans.yml):\n - " + String.join("\n - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
