package city.beacon.infra.fault;

import city.beacon.api.incident.IncidentType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Response plans for a fault test, written as an operator would write {@code plans.yml} and handed to a node with
 * {@code --spring.config.additional-location}: a gas leak of any severity tasks GAS_UTILITY, FIRE and POLICE, every
 * other type FIRE alone, each to be acknowledged within a few seconds and escalated once (RENOTIFY). One level per
 * task keeps the deadlines countable and lets the stream fall quiet once every missed deadline has fired.
 */
final class DrillPlans {
    static final String[] GAS_LEAK_DEPARTMENTS = {"GAS_UTILITY", "FIRE", "POLICE"};

    private DrillPlans() {
    }

    /** Writes the plans file into {@code directory} and returns the argument that makes a node use it. */
    static String write(Path directory, Duration acknowledgeWithin) throws IOException {
        var yaml = new StringBuilder("""
                beacon:
                  plans:
                    version: 1
                    plans:
                """);
        for (IncidentType type : IncidentType.values()) {
            yaml.append("      - type: ").append(type).append('\n')
                    .append("        severities: [UNKNOWN, MINOR, MODERATE, SEVERE, EXTREME]\n")
                    .append("        lines:\n");
            String[] departments = type == IncidentType.GAS_LEAK ? GAS_LEAK_DEPARTMENTS : new String[] {"FIRE"};
            for (String department : departments) {
                yaml.append("          - { department: ").append(department)
                        .append(", action: \"Respond to the drill\", priority: HIGH, acknowledge-within: ")
                        .append(acknowledgeWithin.toMillis()).append("ms, escalation: [RENOTIFY] }\n");
            }
        }
        Path file = directory.resolve("drill-plans.yml");
        Files.writeString(file, yaml);
        return "--spring.config.additional-location=file:" + file;
    }
}
