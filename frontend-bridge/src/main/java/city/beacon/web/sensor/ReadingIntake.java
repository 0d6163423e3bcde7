package city.beacon.web.sensor;

import java.util.List;
import java.util.Map;

/** Where readings go (implemented by infra, which owns the readings store and the alarm transitions). */
public interface ReadingIntake {
    /** One outcome per reading, in the order given; a bad reading never affects the others. */
    List<ReadingOutcome> accept(List<Reading> readings);

    /** The latest readings of one sensor, oldest first (for the console's sparkline); empty if none. */
    List<Map<String, Object>> recent(String sensorId);
}
