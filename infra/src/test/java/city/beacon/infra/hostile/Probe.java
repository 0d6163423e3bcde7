package city.beacon.infra.hostile;

import java.util.Map;
import java.util.Set;

/**
 * One hostile request and what Beacon must answer. {@code endpoint} ("POST /api/incidents/{id}/notes") and
 * {@code kind} ("json:duplicate-key:text") together name the case; a case is sent as one or more requests.
 *
 * @param expected the statuses a correct Beacon may answer
 * @param field    for a 400, the field the problem must name; null where no single field is at fault
 */
record Probe(String endpoint, String kind, String method, String path, Map<String, String> headers, byte[] body,
             Set<Integer> expected, String field) {

    String key() {
        return endpoint + " :: " + kind;
    }
}
