package city.beacon.infra.eventstore;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** The embedded server and the driver log every connection at INFO; these tests open hundreds. */
public final class QuietLogs {
    private QuietLogs() {
    }

    public static void apply() {
        for (String name : new String[] {"de.bwaldvogel", "org.mongodb.driver", "org.axonframework"}) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
        }
    }
}
