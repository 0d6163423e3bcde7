package city.beacon.infra.cap;

import city.beacon.api.incident.GeoPoint;
import city.beacon.infra.cap.CapImportProperties.AreaCodeScheme;
import city.beacon.infra.cap.CapImportProperties.Place;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The configured places of CAP geocodes (e.g. Shanghai's districts by their administrative division code). */
final class CapAreaCodes {
    private final List<AreaCodeScheme> schemes;

    CapAreaCodes(List<AreaCodeScheme> schemes) {
        this.schemes = schemes;
    }

    Optional<Place> place(String valueName, String value) {
        if (valueName == null || value == null) {
            return Optional.empty();
        }
        var name = normalized(valueName);
        return schemes.stream()
                .filter(scheme -> scheme.valueNames().stream().anyMatch(n -> normalized(n).equals(name)))
                .map(scheme -> scheme.places().get(value.trim()))
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    static GeoPoint point(Place place) {
        return new GeoPoint(place.lat(), place.lon());
    }

    /** "GB/T 2260", "gb/t2260" and "GBT-2260" are written differently by different senders. */
    private static String normalized(String valueName) {
        return valueName.toLowerCase(Locale.ROOT).replaceAll("[\\s/_.-]", "");
    }
}
