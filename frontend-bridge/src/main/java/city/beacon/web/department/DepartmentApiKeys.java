package city.beacon.web.department;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * The keys departments' own systems present in {@code X-Api-Key} when they call back:
 * {@code beacon.departments.<code in lower case>.api-key}. Bound from the {@code beacon} prefix because the map
 * of departments is the property itself; other settings of the same map (e.g. {@code webhook-url}) are bound
 * elsewhere and ignored here.
 */
@ConfigurationProperties(prefix = "beacon")
public record DepartmentApiKeys(Map<String, DepartmentApiKey> departments) {
    public DepartmentApiKeys {
        departments = departments == null ? Map.of() : Map.copyOf(departments);
    }

    /** Configured department name → its key (null when none). */
    public Map<String, String> keysByName() {
        var keys = new java.util.HashMap<String, String>();
        departments.forEach((name, key) -> keys.put(name, key == null ? null : key.apiKey()));
        return keys;
    }

    /** @param apiKey blank or absent: the department has no system that may call back */
    public record DepartmentApiKey(String apiKey) {
    }
}
