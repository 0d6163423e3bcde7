package city.beacon.infra.cap;

import city.beacon.api.incident.IncidentType;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * {@code beacon.cap-import} (cap.yml): how a received alert becomes an incident (docs/cap.md).
 * @param types     rules from CAP {@code category}, {@code event} and {@code eventCode} to Beacon's incident type, the
 *                  first match wins; no match is OTHER (the alert's own event is kept with the incident)
 * @param areaCodes places for CAP geocodes, by scheme: an area with codes but no circle or polygon is located there
 * @param cityCentre where an incident whose areas are all unknown codes is drawn (marked as unresolved)
 */
@ConfigurationProperties("beacon.cap-import")
public record CapImportProperties(List<TypeRule> types, List<AreaCodeScheme> areaCodes, Place cityCentre) {
    public CapImportProperties {
        types = types == null ? List.of() : List.copyOf(types);
        areaCodes = areaCodes == null ? List.of() : List.copyOf(areaCodes);
        cityCentre = cityCentre == null ? new Place("Shanghai", 31.2304, 121.4737) : cityCentre;
    }

    /**
     * Every given condition must hold. @param category a CAP category (e.g. CBRNE) @param event a regular expression
     * found in the event, case-insensitive @param eventCode "valueName=value", the name case-insensitive
     */
    public record TypeRule(String category, String event, String eventCode, IncidentType type) {
    }

    /** @param valueNames the geocode valueNames this scheme is sent under @param places code → place */
    public record AreaCodeScheme(List<String> valueNames, Map<String, Place> places) {
        public AreaCodeScheme {
            valueNames = valueNames == null ? List.of() : List.copyOf(valueNames);
            places = places == null ? Map.of() : Map.copyOf(places);
        }
    }

    public record Place(String name, double lat, double lon) {
    }
}
