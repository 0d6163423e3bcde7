package city.beacon.infra.unit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The units Beacon registers at start-up ({@code beacon.units.seed}, in units.yml): each department's engines,
 * ambulances, crews. Units already registered are left as they are.
 */
@ConfigurationProperties("beacon.units")
public record UnitProperties(List<SeedUnit> seed) {
    public UnitProperties {
        seed = seed == null ? List.of() : List.copyOf(seed);
    }

    /** @param kind e.g. FIRE_ENGINE; @param name as the console shows it */
    public record SeedUnit(String id, String department, String kind, String name) {
    }
}
