package city.beacon.infra.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who sends a request, as the headers that say so: demo users with Basic credentials, machine clients with their
 * demo API keys (application-demo.yml, cap.yml, sensors.yml), and the broken credentials an attacker tries.
 */
public enum Caller {
    ANONYMOUS("anonymous", Map.of()),
    OPERATOR("operator", basic("operator", "operator")),
    LIAISON_FIRE("liaison of the incident's department (FIRE)", basic("fire", "fire")),
    LIAISON_POLICE("liaison of another department (POLICE)", basic("police", "police")),
    AUDITOR("auditor", basic("auditor", "auditor")),
    ADMIN("admin", basic("admin", "admin")),
    SENSOR_GATEWAY("sensor gateway key", Map.of("X-Api-Key", "demo-sensor-key")),
    FIRE_SYSTEM("department system key (FIRE)", Map.of("X-Api-Key", "demo-fire-key")),
    CAP_SENDER("CAP sender key", Map.of("X-Api-Key", "demo-cap-key")),
    // Not principals: what an attacker or a broken client sends.
    POLICE_SYSTEM("department system key (POLICE)", Map.of("X-Api-Key", "demo-police-key")),
    WRONG_PASSWORD("operator with a wrong password", basic("operator", "0perator")),
    UNKNOWN_USER("unknown user", basic("mallory", "mallory")),
    MALFORMED_BASIC("malformed Basic header", Map.of("Authorization", "Basic %%%not-base64")),
    BEARER("bearer token", Map.of("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.")),
    WRONG_KEY("wrong API key", Map.of("X-Api-Key", "demo-sensor-kez")),
    HUGE_KEY("8 KB API key", Map.of("X-Api-Key", "k".repeat(8_000))),
    KEY_AND_USER("auditor with the sensor key", merged(basic("auditor", "auditor"), Map.of("X-Api-Key", "demo-sensor-key")));

    private final String label;
    private final Map<String, String> headers;

    Caller(String label, Map<String, String> headers) {
        this.label = label;
        this.headers = headers;
    }

    public String label() {
        return label;
    }

    public Map<String, String> headers() {
        return headers;
    }

    private static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        var all = new LinkedHashMap<>(a);
        all.putAll(b);
        return Map.copyOf(all);
    }
}
