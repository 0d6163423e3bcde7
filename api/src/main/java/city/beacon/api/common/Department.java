package city.beacon.api.common;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** An organisation that acts on incidents. A code rather than an enum: departments are configurable. */
public record Department(String code) {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    public static final Department GAS_UTILITY = new Department("GAS_UTILITY");
    public static final Department FIRE = new Department("FIRE");
    public static final Department POLICE = new Department("POLICE");
    public static final Department MEDICAL = new Department("MEDICAL");
    public static final Department TRAFFIC = new Department("TRAFFIC");
    public static final Department ENVIRONMENT = new Department("ENVIRONMENT");
    public static final Department WATER = new Department("WATER");
    public static final Department POWER = new Department("POWER");
    public static final Department PUBLIC_WORKS = new Department("PUBLIC_WORKS");
    public static final Department CIVIL_AFFAIRS = new Department("CIVIL_AFFAIRS");

    public static final List<Department> STANDARD = List.of(GAS_UTILITY, FIRE, POLICE, MEDICAL, TRAFFIC,
            ENVIRONMENT, WATER, POWER, PUBLIC_WORKS, CIVIL_AFFAIRS);

    public Department {
        Require.text(code, "department code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("department code must be upper-case letters, digits or _: " + code);
        }
    }

    public static Department of(String code) {
        return new Department(Require.text(code, "department code").trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return code;
    }
}
