package city.beacon.infra;

import city.beacon.infra.store.StandaloneStore;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Arrays;

@SpringBootApplication(scanBasePackages = "city.beacon")
@ConfigurationPropertiesScan("city.beacon")
public class BeaconApplication {
    private static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    public static void main(String[] args) throws Exception {
        // The store role needs neither Spring nor Axon: it only serves the embedded MongoDB-compatible store.
        if (Arrays.asList(args).contains("--beacon.role=store")) {
            StandaloneStore.main(args);
            return;
        }
        // Beacon runs on closed networks; Axon's update checker would only log failed look-ups.
        if (System.getProperty(UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED, "true");
        }
        SpringApplication.run(BeaconApplication.class, args);
    }
}
