package city.beacon.infra;

import city.beacon.infra.store.StandaloneStore;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Arrays;

@SpringBootApplication(scanBasePackages = "city.beacon")
@ConfigurationPropertiesScan("city.beacon")
public class BeaconApplication {

    public static void main(String[] args) throws Exception {
        // The store role needs neither Spring nor Axon: it only serves the embedded MongoDB-compatible store.
        if (Arrays.asList(args).contains("--beacon.role=store")) {
            StandaloneStore.main(args);
            return;
        }
        SpringApplication.run(BeaconApplication.class, args);
    }
}
