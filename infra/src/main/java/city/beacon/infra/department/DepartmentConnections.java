package city.beacon.infra.department;

import city.beacon.api.common.Department;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.io.Serial;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code beacon.departments.<code>.*}: one entry per department that has a system of its own, keyed by the
 * department code in lower case ({@code fire}, {@code gas_utility}).
 * Keys are compared by their letters and digits only, ignoring case, so {@code gas_utility}, {@code gas-utility}
 * and {@code GAS_UTILITY} all name the same department: whoever writes the configuration need not know which
 * spelling Spring's relaxed binding keeps.
 */
@ConfigurationProperties(prefix = "beacon.departments")
public class DepartmentConnections extends TreeMap<String, DepartmentConnection> {
    @Serial
    private static final long serialVersionUID = 1L;

    Optional<DepartmentConnection> of(Department department) {
        String wanted = comparable(department.code());
        return entrySet().stream()
                .filter(entry -> comparable(entry.getKey()).equals(wanted))
                .map(java.util.Map.Entry::getValue)
                .findFirst();
    }

    /** The departments configured here, as far as their keys spell a department code. */
    java.util.List<Department> departments() {
        return keySet().stream()
                .map(key -> key.toUpperCase(Locale.ROOT).replace('-', '_'))
                .filter(code -> code.matches("[A-Z][A-Z0-9_]{1,39}"))
                .map(Department::new)
                .toList();
    }

    private static String comparable(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
