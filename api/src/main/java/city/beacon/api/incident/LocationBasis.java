package city.beacon.api.incident;

/**
 * How a location's point was found. Null in a location (and in every event before this existed) means the point
 * was given as coordinates. The board marks the other two as "location from area code".
 */
public enum LocationBasis {
    COORDINATES,
    /** The centre of a known area code (a district in the CAP geocode table). */
    AREA_CODE,
    /** The alert named only areas Beacon has no coordinates for: the point is the city centre, not the place. */
    AREA_CODE_UNRESOLVED
}
