package city.beacon.infra.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo drill (profile demo only). @param playOnStart play the gas-leak drill once Beacon has started
 * ({@code --beacon.demo.play-on-start=true}); @param pace multiplies the drill's pauses (1 = as written, a few
 * seconds each; tests use less)
 */
@ConfigurationProperties(prefix = "beacon.demo")
public record DemoProperties(boolean playOnStart, Double pace) {
    public DemoProperties {
        pace = pace == null || !(pace > 0) ? 1.0 : pace;
    }
}
