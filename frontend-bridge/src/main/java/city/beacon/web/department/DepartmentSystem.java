package city.beacon.web.department;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.common.Role;

import java.util.Locale;

/**
 * A department's own system, authenticated by its API key. Knows the department by its configuration name,
 * which Spring's relaxed binding may have stripped of underscores ({@code gas_utility} becomes {@code gasutility}),
 * so names are compared in a normalised form.
 */
public record DepartmentSystem(String configuredName) {

    public boolean speaksFor(String departmentCode) {
        return normalise(configuredName).equals(normalise(departmentCode));
    }

    public static Actor actorFor(Department department) {
        return new Actor("system:" + department.code(), Role.SYSTEM, department);
    }

    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
