package city.beacon.infra.hostile;

import city.beacon.infra.support.Caller;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One REST endpoint as the suite attacks it.
 *
 * @param template   as the controller maps it, e.g. "/api/incidents/{id}/notes"
 * @param variables  the real values of its path variables (the fixture's ids)
 * @param allowed    callers that may use it; every other caller must be refused
 * @param validBody  a body it accepts (never sent by an allowed caller); null when it takes none
 * @param fields     the body's fields, each attacked on its own
 * @param apiKeyOnly whether only a machine client's key may call it (its own security chain)
 * @param query      valid query parameters it requires ("at=…"), sent with every probe but the hostile-query ones;
 *                   empty when it needs none
 */
record Endpoint(String method, String template, Map<String, String> variables, Set<Caller> allowed,
                ObjectNode validBody, List<Field> fields, boolean apiKeyOnly, String query) {

    Endpoint(String method, String template, Map<String, String> variables, Set<Caller> allowed,
             ObjectNode validBody, List<Field> fields, boolean apiKeyOnly) {
        this(method, template, variables, allowed, validBody, fields, apiKeyOnly, "");
    }

    String name() {
        return method + " " + template;
    }

    String path() {
        return path(Map.of());
    }

    /** The path with the real ids, except those given here (already URL-encoded), and the valid query. */
    String path(Map<String, String> overrides) {
        String bare = bare(overrides);
        return query.isEmpty() ? bare : bare + "?" + query;
    }

    /** The path with the real ids and no query. */
    String bare() {
        return bare(Map.of());
    }

    private String bare(Map<String, String> overrides) {
        String path = template;
        for (var variable : variables.entrySet()) {
            path = path.replace("{" + variable.getKey() + "}",
                    overrides.getOrDefault(variable.getKey(), variable.getValue()));
        }
        return path;
    }

    boolean isWrite() {
        return !"GET".equals(method);
    }
}
